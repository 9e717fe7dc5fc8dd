package com.taosdata.kafka.connect.it.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.taosdata.kafka.connect.it.harness.ConnectRest;
import com.taosdata.kafka.connect.it.harness.ConnectWorker;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The same plugin archive on a Kafka Connect 3.7 worker (Confluent Platform 7.7 ships it): it loads, lists its
 * connectors and SMTs, and the sink writes.
 */
class LegacyWorkerIT {

    @Test
    void thePluginRunsOnAConnect37Worker() throws Exception {
        ItEnvironment env = ItEnvironment.get();
        TDengineTarget td = env.tdengine();
        String group = ItEnvironment.unique("legacy");
        env.broker().createTopic(group, 1);
        try (ConnectWorker worker = ConnectWorker.start(
                ConnectWorker.Version.KAFKA_3_7, env.broker().bootstrapServers(), group, group + "-w1", Map.of())) {
            ConnectRest rest = worker.rest();
            assertThat(rest.call("GET", "/", null).body().path("version").asText())
                    .startsWith("3.7");
            List<String> classes = new ArrayList<>();
            for (JsonNode plugin : rest.plugins()) {
                classes.add(plugin.path("class").asText());
            }
            assertThat(classes)
                    .contains(SinkConfigs.SINK_CLASS, "com.taosdata.kafka.connect.source.TDengineSourceConnector");

            rest.putConnector(group, SinkConfigs.sink(td, group, group));
            rest.awaitRunning(group, 1, Duration.ofSeconds(60));
            env.broker()
                    .produce(group, List.of("m,dev=a v=1.5 1648432611249000000", "m,dev=a v=2.5 1648432611250000000"));
            await().atMost(Duration.ofSeconds(60)).until(() -> td.count(group + ".m") == 2);
            rest.deleteConnector(group);
        }
    }
}
