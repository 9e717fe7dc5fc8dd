package com.taosdata.kafka.connect.it.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.taosdata.kafka.connect.it.harness.ConnectRest;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.LineStream;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real taosd stopped (SIGTERM) or killed (SIGKILL) and started again mid-stream: the task rides it out within its
 * retry budget and every row is present once. The suite cannot stop a server it does not own, so it runs only when
 * {@code TDENGINE_RESTART_COMMAND} names a command that takes {@code stop} or {@code kill}, then {@code start}, and
 * acts on the TDengine of {@code TDENGINE_URL} (e.g. a script around the server's own start and stop scripts).
 */
class ServerRestartIT {

    /**
     * A real server stopped for {@code TDENGINE_OUTAGE_SECONDS} (e.g. 600) with the consumer's defaults, whose
     * {@code max.poll.interval.ms} is 300 s: the task keeps polling while its writer waits, so the connector's consumer
     * group never rebalances, no task fails, and every row is present once the server is back. Runs only when both
     * {@code TDENGINE_RESTART_COMMAND} and {@code TDENGINE_OUTAGE_SECONDS} are set: it takes that long.
     */
    @Test
    void aServerDownForLongRebalancesNothingFailsNothingAndLosesNothing() throws Exception {
        String command = System.getenv("TDENGINE_RESTART_COMMAND");
        String outageSeconds = System.getenv("TDENGINE_OUTAGE_SECONDS");
        assumeTrue(
                command != null && !command.isBlank() && outageSeconds != null && !outageSeconds.isBlank(),
                "set TDENGINE_RESTART_COMMAND and TDENGINE_OUTAGE_SECONDS to stop the real TDengine for that long");
        Duration outage = Duration.ofSeconds(Long.parseLong(outageSeconds.trim()));
        ItEnvironment env = ItEnvironment.get();
        TDengineTarget td = env.tdengine();
        String topic = ItEnvironment.unique("long_stop");
        String table = topic + ".m";
        env.broker().createTopic(topic, 2);
        // About 15 rows a second (20 per producer and second): rows keep coming throughout the outage and a minute
        // after.
        int total = (int) ((outage.toSeconds() + 60) * 15);
        Map<String, String> config = SinkConfigs.sink(td, topic, topic);
        // retry.backoff.ms keeps its default (3 s): the budget must outlast the outage.
        config.put("max.retries", Long.toString(outage.toSeconds() / 3 + 100));
        ConnectRest rest = env.worker().rest();
        rest.putConnector(topic, config);
        rest.awaitRunning(topic, 1, Duration.ofSeconds(60));

        try (ConsumerGroupProbe groups = new ConsumerGroupProbe(env.broker().bootstrapServers())) {
            String group = ConsumerGroupProbe.sinkGroup(topic);
            ConsumerGroupProbe.Membership before;
            List<ConsumerGroupProbe.Membership> during = new ArrayList<>();
            try (LineStream stream = new LineStream(env.broker(), topic, "m", total, 20, 1000)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> td.count(table) > 0);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> groups.membership(group).stableWith(1));
                before = groups.membership(group);
                run(command, "stop");
                long stoppedAt = System.nanoTime();
                while (System.nanoTime() - stoppedAt < outage.toNanos()) {
                    assertThat(rest.taskStates(topic))
                            .as("no task fails while taosd is down")
                            .doesNotContain("FAILED");
                    during.add(groups.membership(group));
                    Thread.sleep(5000);
                }
                run(command, "start");
                stream.awaitDone();
            }
            await().atMost(Duration.ofSeconds(300)).until(() -> td.count(table) >= total);
            assertThat(during)
                    .as("the group's members and epoch throughout the outage")
                    .containsOnly(before);
            assertThat(groups.membership(group)).as("and after it").isEqualTo(before);
        }
        assertThat(td.count(table)).isEqualTo(total);
        assertThat(Sequences.of(td, table)).isEqualTo(Sequences.upTo(total));
        assertThat(rest.taskStates(topic)).containsOnly("RUNNING");
        rest.deleteConnector(topic);
    }

    @ParameterizedTest(name = "taosd {0}, then started")
    @ValueSource(strings = {"stop", "kill"})
    void aRestartedServerCausesNoFailureAndNoLoss(String how) throws Exception {
        String command = System.getenv("TDENGINE_RESTART_COMMAND");
        assumeTrue(command != null && !command.isBlank(), "set TDENGINE_RESTART_COMMAND to restart the real TDengine");
        ItEnvironment env = ItEnvironment.get();
        TDengineTarget td = env.tdengine();
        String topic = ItEnvironment.unique("restart_" + how);
        env.broker().createTopic(topic, 1);
        int total = 20_000;
        Map<String, String> config = SinkConfigs.sink(td, topic, topic);
        config.put("max.retries", "300");
        config.put("retry.backoff.ms", "1000");
        config.put("connection.backoff.ms", "1000");
        config.put("request.timeout.ms", "5000");
        config.put("batch.size", "500");
        ConnectRest rest = env.worker().rest();
        rest.putConnector(topic, config);
        rest.awaitRunning(topic, 1, Duration.ofSeconds(60));

        try (LineStream stream = new LineStream(env.broker(), topic, "m", total, 200, 100)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> td.count(topic + ".m") > 0);
            run(command, how);
            Thread.sleep(10_000);
            assertThat(rest.taskStates(topic))
                    .as("no task fails while taosd is down")
                    .doesNotContain("FAILED");
            run(command, "start");
            stream.awaitDone();
        }
        await().atMost(Duration.ofSeconds(180)).until(() -> td.count(topic + ".m") >= total);
        assertThat(td.count(topic + ".m")).isEqualTo(total);
        assertThat(Sequences.of(td, topic + ".m")).isEqualTo(Sequences.upTo(total));
        assertThat(rest.taskStates(topic)).containsOnly("RUNNING");
        rest.deleteConnector(topic);
    }

    private static void run(String command, String argument) throws IOException, InterruptedException {
        // Not the test JVM's own streams: a server the command leaves running would hold them open, and Failsafe
        // waits for them to close before it reports.
        File log = Path.of("target", "it-work", "restart-command.log").toFile();
        Process process = new ProcessBuilder(command, argument)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
        process.getOutputStream().close();
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("%s %s finished", command, argument)
                .isTrue();
        assertThat(process.exitValue()).as("%s %s", command, argument).isZero();
    }
}
