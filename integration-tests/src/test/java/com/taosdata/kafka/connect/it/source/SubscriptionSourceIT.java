package com.taosdata.kafka.connect.it.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.taosdata.kafka.connect.it.harness.Connectors;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import com.taosdata.kafka.connect.it.source.Meters.Reading;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Subscription mode (TMQ): the connector creates TDengine topic {@code tdconnect_<database>_<stable>}, consumes it
 * in consumer group {@code subscription.group.id} from the earliest data, and writes every row, those inserted
 * before it started and after, to the Kafka topic. TMQ is offered by a real TDengine over the native or WebSocket
 * transport only: the suite is skipped on the stand-in and on REST URLs.
 */
class SubscriptionSourceIT {

    private final ItEnvironment env = ItEnvironment.get();
    private final TDengineTarget td = env.tdengine();

    @RegisterExtension
    @Order(1)
    final Databases databases = new Databases(td);

    @RegisterExtension
    @Order(2)
    final Connectors connectors = new Connectors(() -> env.worker().rest());

    @BeforeEach
    void requireTmq() {
        Assumptions.assumeTrue(
                td.offersTmq(),
                "TMQ needs a real TDengine (the stand-in has no subscriptions) over a "
                        + "native (jdbc:TAOS://) or WebSocket (jdbc:TAOS-WS://) URL; TDENGINE_URL is "
                        + td.connectionUrl());
    }

    @Test
    void rowsInsertedBeforeAndAfterTheStartReachTheTopic() {
        String database = databases.add(ItEnvironment.unique("src_tmq"));
        String prefix = ItEnvironment.unique("tdt");
        String topic = SourceConfigs.topic(prefix, database, Meters.STABLE);
        Meters.create(td, database);
        databases.addTopic("tdconnect_" + database + "_" + Meters.STABLE);
        long base = Meters.baseTs();
        Map<String, List<Reading>> expected = new LinkedHashMap<>();
        expected.put("d1", new ArrayList<>(Meters.rows("d1", "California.San Francisco", 2, base, 0, 4)));
        expected.put("d2", new ArrayList<>(Meters.rows("d2", "Nevada.Reno", 3, base, 0, 3)));
        expected.values().forEach(rows -> Meters.insert(td, database, rows));

        Map<String, String> config = SourceConfigs.query(td, database, Meters.STABLE, prefix, "json");
        config.put("read.method", "subscription");
        config.put("subscription.group.id", ItEnvironment.unique("tdconnect_it"));
        config.put("subscription.from", "earliest");
        config.put("data.precision", "ms");
        connectors.run(prefix, config, 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> env.broker().topics().contains(topic));

        try (TopicReader reader =
                new TopicReader(env.broker().bootstrapServers(), topic, IsolationLevel.READ_UNCOMMITTED)) {
            assertArrived(reader, expected, database);
            List<Reading> later = Meters.rows("d1", "California.San Francisco", 2, base, 10, 3);
            Meters.insert(td, database, later);
            expected.get("d1").addAll(later);
            assertArrived(reader, expected, database);
        }
        assertThat(env.worker().rest().taskStates(prefix)).containsOnly("RUNNING");
    }

    /**
     * Waits for every expected row and checks each arrived once, keyed by its table, with its values; TMQ delivers a
     * table's rows in order, but rows of different vgroups interleave freely.
     */
    private static void assertArrived(TopicReader reader, Map<String, List<Reading>> expected, String database) {
        int total = expected.values().stream().mapToInt(List::size).sum();
        await().atMost(Duration.ofSeconds(60)).until(() -> reader.count() >= total);
        List<ConsumerRecord<byte[], byte[]>> records = reader.poll();
        assertThat(records).as("records in the topic").hasSize(total);
        Map<String, List<JsonNode>> byTable = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            JsonNode row = QuerySourceIT.json(record);
            assertThat(QuerySourceIT.key(record))
                    .as("key of %s", row)
                    .isEqualTo(row.path("table").asText());
            byTable.computeIfAbsent(row.path("table").asText(), k -> new ArrayList<>())
                    .add(row);
        }
        assertThat(byTable.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((table, rows) -> {
            List<JsonNode> got = byTable.get(table);
            assertThat(got)
                    .extracting(r -> r.path("ts").asLong())
                    .as("timestamps of %s", table)
                    .containsExactlyElementsOf(rows.stream().map(Reading::ts).toList());
            for (int i = 0; i < rows.size(); i++) {
                QuerySourceIT.assertJsonRow(got.get(i), database, rows.get(i));
            }
        });
    }
}
