package com.taosdata.kafka.connect.it.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.taosdata.kafka.connect.it.harness.ConnectRest;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.LineStream;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import com.taosdata.kafka.connect.it.harness.TcpProxy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TDengine unreachable for about 20 seconds mid-stream: the task rides it out within its retry budget and loses nothing. */
class OutageIT {

    @Test
    void aTwentySecondOutageCausesNoFailureAndNoLoss() throws Exception {
        ItEnvironment env = ItEnvironment.get();
        TDengineTarget td = env.tdengine();
        // taosc learns dnode addresses from the server and would go around a proxy; WebSocket and REST go through it.
        assumeFalse(
                td.isNative(),
                "the outage is simulated with a TCP proxy, which a native (jdbc:TAOS://) client bypasses");
        String topic = ItEnvironment.unique("outage");
        env.broker().createTopic(topic, 1);
        int total = 1200;
        try (TcpProxy proxy = new TcpProxy(td.host(), td.port())) {
            Map<String, String> config = SinkConfigs.sink(td, topic, topic);
            config.put("connection.url", td.urlVia("127.0.0.1", proxy.port()));
            config.put("max.retries", "40");
            config.put("retry.backoff.ms", "1000");
            config.put("connection.backoff.ms", "1000");
            config.put("request.timeout.ms", "5000");
            ConnectRest rest = env.worker().rest();
            rest.putConnector(topic, config);
            rest.awaitRunning(topic, 1, Duration.ofSeconds(60));

            try (LineStream stream = new LineStream(env.broker(), topic, "m", total, 20, 500)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> td.count(topic + ".m") > 0);
                proxy.cut();
                long cutAt = System.nanoTime();
                while (System.nanoTime() - cutAt < Duration.ofSeconds(20).toNanos()) {
                    assertThat(rest.taskStates(topic))
                            .as("no task fails during the outage")
                            .doesNotContain("FAILED");
                    Thread.sleep(1000);
                }
                proxy.restore();
                stream.awaitDone();
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> td.count(topic + ".m") >= total);
            assertThat(td.count(topic + ".m")).isEqualTo(total);
            assertThat(Sequences.of(td, topic + ".m")).isEqualTo(Sequences.upTo(total));
            assertThat(rest.taskStates(topic)).containsOnly("RUNNING");
            rest.deleteConnector(topic);
        }
    }
}
