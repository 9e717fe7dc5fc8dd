package com.taosdata.kafka.connect.it.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.taosdata.kafka.connect.it.harness.ConnectRest;
import com.taosdata.kafka.connect.it.harness.ConnectWorker;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.LineStream;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Two workers, two tasks; one worker is killed mid-stream: its task moves to the survivor and no row is lost. */
class WorkerFailoverIT {

    @Test
    void aKilledWorkersTaskMovesAndEveryRowArrives() throws Exception {
        ItEnvironment env = ItEnvironment.get();
        TDengineTarget td = env.tdengine();
        String group = ItEnvironment.unique("failover");
        String topic = group;
        env.broker().createTopic(topic, 2);
        int total = 1600;
        try (ConnectWorker first = ConnectWorker.start(
                        ConnectWorker.Version.KAFKA_4,
                        env.broker().bootstrapServers(),
                        group,
                        group + "-w1",
                        Map.of());
                ConnectWorker second = ConnectWorker.start(
                        ConnectWorker.Version.KAFKA_4,
                        env.broker().bootstrapServers(),
                        group,
                        group + "-w2",
                        Map.of())) {
            ConnectRest rest = first.rest();
            Map<String, String> config = SinkConfigs.sink(td, topic, topic);
            config.put("tasks.max", "2");
            rest.putConnector(topic, config);
            rest.awaitRunning(topic, 2, Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(60)).until(() -> workersOf(rest.status(topic)) == 2);

            try (LineStream stream = new LineStream(env.broker(), topic, "m", total, 40, 250)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> td.count(topic + ".m") > 100);
                second.kill();
                stream.awaitDone();
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> td.count(topic + ".m") >= total);
            assertThat(Sequences.of(td, topic + ".m")).isEqualTo(Sequences.upTo(total));
            await().atMost(Duration.ofSeconds(60)).until(() -> workersOf(rest.status(topic)) == 1);
            assertThat(rest.taskStates(topic)).containsExactly("RUNNING", "RUNNING");
            rest.deleteConnector(topic);
        }
    }

    private static long workersOf(JsonNode status) {
        if (status == null) {
            return 0;
        }
        Set<String> workers = new HashSet<>();
        status.path("tasks").forEach(t -> {
            if ("RUNNING".equals(t.path("state").asText())) {
                workers.add(t.path("worker_id").asText());
            }
        });
        return workers.size();
    }
}
