package com.taosdata.kafka.connect.it.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.taosdata.kafka.connect.it.harness.Connectors;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** OpenTSDB telnet and JSON, database routing by topic, and several tasks over several partitions. */
class ProtocolsAndRoutingIT {

    private static ItEnvironment env;

    @RegisterExtension
    final Connectors connectors = new Connectors(() -> env.worker().rest());

    @BeforeAll
    static void setUp() {
        env = ItEnvironment.get();
    }

    @Test
    void telnetLinesBecomeRowsWithValueAndTags() {
        String topic = ItEnvironment.unique("telnet");
        env.broker().createTopic(topic, 1);
        Map<String, String> config = SinkConfigs.sink(env.tdengine(), topic, topic);
        config.put("db.schemaless", "telnet");
        config.put("data.precision", "ms");
        connectors.run(topic, config, 1);

        env.broker()
                .produce(
                        topic,
                        List.of(
                                "meters_current 1648432611249 10.3 location=California.SanFrancisco groupid=2",
                                "meters_current 1648432611250 12.6 location=California.SanFrancisco groupid=2\n"
                                        + "meters_current 1648432611249 10.8 location=California.LosAngeles groupid=3"));

        TDengineTarget td = env.tdengine();
        await().atMost(Duration.ofSeconds(60)).until(() -> td.count(topic + ".meters_current") == 3);
        List<Map<String, Object>> rows = td.query("SELECT * FROM " + topic + ".meters_current");
        assertThat(rows)
                .extracting(r -> ((Number) r.get("_value")).doubleValue())
                .containsExactlyInAnyOrder(10.3, 12.6, 10.8);
        assertThat(rows)
                .extracting(r -> r.get("location").toString())
                .containsOnly("California.SanFrancisco", "California.LosAngeles");
    }

    @Test
    void openTsdbJsonObjectsAndArraysBecomeRows() {
        String topic = ItEnvironment.unique("json");
        env.broker().createTopic(topic, 1);
        Map<String, String> config = SinkConfigs.sink(env.tdengine(), topic, topic);
        config.put("db.schemaless", "json");
        config.put("data.precision", "ms");
        connectors.run(topic, config, 1);

        env.broker()
                .produce(
                        topic,
                        List.of(
                                "{\"metric\": \"meters_voltage\", \"timestamp\": 1648432611249, \"value\": 219, "
                                        + "\"tags\": {\"location\": \"California.LosAngeles\", \"groupid\": 1}}",
                                "[{\"metric\": \"meters_voltage\", \"timestamp\": 1648432611250, \"value\": 221, "
                                        + "\"tags\": {\"location\": \"California.LosAngeles\", \"groupid\": 1}},"
                                        + " {\"metric\": \"meters_voltage\", \"timestamp\": 1648432611249, \"value\": 217, "
                                        + "\"tags\": {\"location\": \"California.SanDiego\", \"groupid\": 2}}]"));

        TDengineTarget td = env.tdengine();
        await().atMost(Duration.ofSeconds(60)).until(() -> td.count(topic + ".meters_voltage") == 3);
        List<Map<String, Object>> rows = td.query("SELECT * FROM " + topic + ".meters_voltage");
        assertThat(rows)
                .extracting(r -> ((Number) r.get("_value")).doubleValue())
                .containsExactlyInAnyOrder(219.0, 221.0, 217.0);
    }

    @Test
    void databasePrefixRoutesEachTopicToItsOwnDatabase() {
        String first = ItEnvironment.unique("orders");
        String second = ItEnvironment.unique("sensors");
        env.broker().createTopic(first, 1);
        env.broker().createTopic(second, 1);
        Map<String, String> config = SinkConfigs.sink(env.tdengine(), first + "," + second, null);
        config.put("connection.database.prefix", "kafka_${topic}");
        String name = ItEnvironment.unique("routing");
        connectors.run(name, config, 1);

        env.broker()
                .produce(first, List.of("m,src=a v=1i64 1648432611249000000", "m,src=a v=2i64 1648432611250000000"));
        env.broker().produce(second, List.of("m,src=b v=3i64 1648432611249000000"));

        TDengineTarget td = env.tdengine();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> td.count("kafka_" + first + ".m") == 2 && td.count("kafka_" + second + ".m") == 1);
        assertThat(td.query("SELECT v FROM kafka_" + second + ".m"))
                .extracting(r -> ((Number) r.get("v")).longValue())
                .containsExactly(3L);
    }

    @Test
    void threeTasksShareThreePartitionsAndWriteEveryLine() {
        String topic = ItEnvironment.unique("spread");
        env.broker().createTopic(topic, 3);
        Map<String, String> config = SinkConfigs.sink(env.tdengine(), topic, topic);
        config.put("tasks.max", "3");
        connectors.run(topic, config, 3);

        for (int partition = 0; partition < 3; partition++) {
            List<byte[]> lines = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                lines.add(
                        ("meters,dev=d" + partition + " current=" + i + ".5 " + (1648432611000000000L + i * 1_000_000L))
                                .getBytes(StandardCharsets.UTF_8));
            }
            env.broker().produceBytes(topic, partition, lines);
        }

        TDengineTarget td = env.tdengine();
        await().atMost(Duration.ofSeconds(90)).until(() -> td.count(topic + ".meters") == 300);
        Set<String> devices = td.query("SELECT dev FROM " + topic + ".meters").stream()
                .map(r -> r.get("dev").toString())
                .collect(Collectors.toSet());
        assertThat(devices).containsExactlyInAnyOrder("d0", "d1", "d2");
        assertThat(env.worker().rest().status(topic).path("tasks")).hasSize(3);
    }
}
