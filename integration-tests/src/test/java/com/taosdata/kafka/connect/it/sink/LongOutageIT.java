package com.taosdata.kafka.connect.it.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.taosdata.kafka.connect.it.harness.ConnectRest;
import com.taosdata.kafka.connect.it.harness.Connectors;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.LineStream;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import com.taosdata.kafka.connect.it.harness.TcpProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TDengine unreachable for longer than the task's consumer may go without polling ({@code max.poll.interval.ms},
 * overridden per connector to 20 s against an outage of 45 s). The task must keep polling while its writer retries:
 * no rebalance of the connector's consumer group, no task FAILED, and every row present once TDengine is back. With a
 * retry budget shorter than the outage, the task fails naming the failure.
 */
class LongOutageIT {

    private static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(20);
    private static final Duration OUTAGE = Duration.ofSeconds(45);

    private final ItEnvironment env = ItEnvironment.get();
    private final ConnectRest rest = env.worker().rest();

    @RegisterExtension
    final Connectors connectors = new Connectors(() -> env.worker().rest());

    /** A line protocol sink into a database of the topic's name, reaching TDengine only through {@code proxy}. */
    private Map<String, String> sinkThrough(TcpProxy proxy, String topic, int maxRetries) {
        TDengineTarget td = env.tdengine();
        // taosc learns dnode addresses from the server and would go around a proxy; WebSocket and REST go through it.
        assumeFalse(
                td.isNative(),
                "the outage is simulated with a TCP proxy, which a native (jdbc:TAOS://) client bypasses");
        Map<String, String> config = SinkConfigs.sink(td, topic, topic);
        config.put("connection.url", td.urlVia("127.0.0.1", proxy.port()));
        config.put("max.retries", Integer.toString(maxRetries));
        config.put("retry.backoff.ms", "1000");
        config.put("request.timeout.ms", "5000");
        config.put("consumer.override.max.poll.interval.ms", Long.toString(MAX_POLL_INTERVAL.toMillis()));
        return config;
    }

    @Test
    void anOutageLongerThanMaxPollIntervalRebalancesNothingFailsNothingAndLosesNothing() throws Exception {
        TDengineTarget td = env.tdengine();
        String topic = ItEnvironment.unique("long_outage");
        String table = topic + ".m";
        env.broker().createTopic(topic, 2);
        int total = 2400;
        try (TcpProxy proxy = new TcpProxy(td.host(), td.port());
                ConsumerGroupProbe groups = new ConsumerGroupProbe(env.broker().bootstrapServers())) {
            connectors.run(topic, sinkThrough(proxy, topic, 1000), 1);
            String group = ConsumerGroupProbe.sinkGroup(topic);

            ConsumerGroupProbe.Membership before;
            List<ConsumerGroupProbe.Membership> during = new ArrayList<>();
            try (LineStream stream = new LineStream(env.broker(), topic, "m", total, 20, 500)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> td.count(table) > 0);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> groups.membership(group).stableWith(1));
                before = groups.membership(group);

                proxy.cut();
                long cutAt = System.nanoTime();
                while (System.nanoTime() - cutAt < OUTAGE.toNanos()) {
                    assertThat(rest.taskStates(topic))
                            .as("no task fails during the outage")
                            .doesNotContain("FAILED");
                    during.add(groups.membership(group));
                    Thread.sleep(1000);
                }
                proxy.restore();
                assertThat(stream.produced())
                        .as("rows were produced while TDengine was away")
                        .isGreaterThan(0);
                stream.awaitDone();
            }

            await().atMost(Duration.ofSeconds(120)).until(() -> td.count(table) >= total);
            assertThat(during)
                    .as("the group's members and epoch throughout the outage")
                    .containsOnly(before);
            assertThat(groups.membership(group)).as("and after it").isEqualTo(before);
            assertThat(td.count(table)).isEqualTo(total);
            assertThat(Sequences.of(td, table)).isEqualTo(Sequences.upTo(total));
            assertThat(rest.taskStates(topic)).containsOnly("RUNNING");
        }
    }

    @Test
    void anOutageOutlastingTheRetryBudgetFailsTheTaskNamingTheFailure() throws Exception {
        TDengineTarget td = env.tdengine();
        String topic = ItEnvironment.unique("budget_outage");
        env.broker().createTopic(topic, 1);
        try (TcpProxy proxy = new TcpProxy(td.host(), td.port())) {
            connectors.run(topic, sinkThrough(proxy, topic, 3), 1);
            env.broker().produce(topic, List.of("m,dev=d0 seq=0i64 1700000000000000000"));
            await().atMost(Duration.ofSeconds(60)).until(() -> td.count(topic + ".m") == 1);

            proxy.cut();
            env.broker().produce(topic, List.of("m,dev=d0 seq=1i64 1700000000001000000"));
            String trace = rest.awaitTaskFailure(topic, Duration.ofSeconds(90));

            assertThat(trace)
                    .contains("writing 1 record(s) into database " + topic + " failed after 4 attempt(s)")
                    .contains("127.0.0.1:" + proxy.port());
        }
    }
}
