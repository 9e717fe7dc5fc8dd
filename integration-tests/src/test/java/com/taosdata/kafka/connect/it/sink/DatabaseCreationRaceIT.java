package com.taosdata.kafka.connect.it.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.taosdata.kafka.connect.it.harness.ConnectRest;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Four tasks start together on a database that does not exist yet, each with data waiting, so all of them create it at
 * once. TDengine answers the losers with 0x80000396 "Database in creating status"; every task must keep running.
 */
class DatabaseCreationRaceIT {

    @Test
    void tasksRacingToCreateTheDatabaseAllRun() {
        ItEnvironment env = ItEnvironment.get();
        TDengineTarget td = env.tdengine();
        String topic = ItEnvironment.unique("race");
        env.broker().createTopic(topic, 4);
        td.dropDatabase(topic);
        for (int partition = 0; partition < 4; partition++) {
            List<byte[]> lines = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                lines.add(("m,p=p" + partition + " v=" + i + "i32 " + (1648432611000000000L + i * 1_000_000L))
                        .getBytes(StandardCharsets.UTF_8));
            }
            env.broker().produceBytes(topic, partition, lines);
        }

        Map<String, String> config = SinkConfigs.sink(td, topic, topic);
        config.put("tasks.max", "4");
        ConnectRest rest = env.worker().rest();
        rest.putConnector(topic, config);
        rest.awaitRunning(topic, 4, Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(90)).until(() -> td.count(topic + ".m") == 200);
        assertThat(rest.taskStates(topic)).containsOnly("RUNNING").hasSize(4);
        rest.deleteConnector(topic);
    }
}
