package com.taosdata.kafka.connect.it.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.taosdata.kafka.connect.it.harness.Connectors;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import com.taosdata.kafka.connect.it.source.Meters.Reading;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Query mode on the shared worker: rows of every subtable of a super table reach topic
 * {@code <topic.prefix>-<database>-<stable>} keyed by subtable and in timestamp order per subtable; rows inserted
 * later follow; a subtable created while the connector runs is read after the tasks are reconfigured; JSON and line
 * output carry the inserted values as docs/source.md documents them.
 */
class QuerySourceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int POLL_INTERVAL_MS = 500;

    private final ItEnvironment env = ItEnvironment.get();
    private final TDengineTarget td = env.tdengine();

    @RegisterExtension
    @Order(1)
    final Databases databases = new Databases(td);

    @RegisterExtension
    @Order(2)
    final Connectors connectors = new Connectors(() -> env.worker().rest());

    @Test
    void everySubtableLaterRowsAndANewSubtableArriveInOrderAsJson() {
        String database = database("src_json");
        String prefix = ItEnvironment.unique("tdq");
        String topic = SourceConfigs.topic(prefix, database, Meters.STABLE);
        long base = Meters.baseTs();
        Map<String, List<Reading>> expected = new LinkedHashMap<>();
        expected.put("d1", new ArrayList<>(Meters.rows("d1", "California.San Francisco", 2, base, 0, 5)));
        expected.put("d2", new ArrayList<>(Meters.rows("d2", "California.Los Angeles", 3, base, 0, 4)));
        expected.put("d3", new ArrayList<>(Meters.rows("d3", "Nevada.Reno", 4, base + 500, 0, 6)));
        expected.values().forEach(rows -> Meters.insert(td, database, rows));

        Map<String, String> config = SourceConfigs.query(td, database, Meters.STABLE, prefix, "json");
        // Three tables over two tasks: order must hold per table whichever task reads it.
        config.put("tasks.max", "2");
        config.put("data.precision", "ms");
        connectors.run(prefix, config, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> env.broker().topics().contains(topic));

        try (TopicReader reader =
                new TopicReader(env.broker().bootstrapServers(), topic, IsolationLevel.READ_UNCOMMITTED)) {
            assertArrived(reader, expected, database);

            List<Reading> later = Meters.rows("d2", "California.Los Angeles", 3, base, 10, 3);
            Meters.insert(td, database, later);
            expected.get("d2").addAll(later);
            assertArrived(reader, expected, database);

            List<Reading> newTable = Meters.rows("d4", "Oregon.Portland", 5, base, 0, 3);
            long created = System.nanoTime();
            Meters.insert(td, database, newTable);
            expected.put("d4", newTable);
            // The monitor lists the tables every poll.interval.ms and has Connect restart the tasks with d4 assigned;
            // the restart (stopping the tasks, a rebalance) takes about a second on a loaded two-core machine.
            await().atMost(Duration.ofMillis(20L * POLL_INTERVAL_MS))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> reader.poll().stream().anyMatch(r -> "d4".equals(key(r))));
            System.out.printf(
                    "[tdconnect-it] new subtable d4 read %d ms after it was created (poll.interval.ms=%d)%n",
                    Duration.ofNanos(System.nanoTime() - created).toMillis(), POLL_INTERVAL_MS);
            assertArrived(reader, expected, database);
        }
        assertThat(env.worker().rest().taskStates(prefix)).containsOnly("RUNNING");
    }

    @Test
    void lineOutputIsEscapedLineProtocolWithTypeSuffixes() {
        String database = database("src_line");
        String prefix = ItEnvironment.unique("tdq");
        String topic = SourceConfigs.topic(prefix, database, Meters.STABLE);
        long base = Meters.baseTs();
        Reading quoted = new Reading(
                "d1", "San Francisco, CA=US", 7, base, 10.5f, 219, 0.31, true, "he said \"hi\" in C:\\data", "Zürich");
        Reading nullPhase = new Reading("d1", "San Francisco, CA=US", 7, base + 1, -1.75f, -3, null, false, "", "x y");
        Meters.insert(td, database, List.of(quoted, nullPhase));

        Map<String, String> config = SourceConfigs.query(td, database, Meters.STABLE, prefix, "line");
        connectors.run(prefix, config, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> env.broker().topics().contains(topic));

        long nanosPerMilli = 1_000_000L;
        // TDengine's schemaless line protocol: in tag values ',', '=' and ' ' are escaped with '\'; in string fields
        // '"' and '\'; NCHAR fields are L"…"; integers and floats carry their width suffix; NULL columns are left out.
        List<String> expectedLines = List.of(
                "meters,location=San\\ Francisco\\,\\ CA\\=US,groupid=7 current=10.5f32,voltage=219i32,phase=0.31f64,"
                        + "online=true,note=\"he said \\\"hi\\\" in C:\\\\data\",site=L\"Zürich\" "
                        + base * nanosPerMilli,
                "meters,location=San\\ Francisco\\,\\ CA\\=US,groupid=7 current=-1.75f32,voltage=-3i32,online=false,"
                        + "note=\"\",site=L\"x y\" " + (base + 1) * nanosPerMilli);
        try (TopicReader reader =
                new TopicReader(env.broker().bootstrapServers(), topic, IsolationLevel.READ_UNCOMMITTED)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.count() >= expectedLines.size());
            List<ConsumerRecord<byte[], byte[]>> records = reader.poll();
            assertThat(records).extracting(QuerySourceIT::value).containsExactlyElementsOf(expectedLines);
            assertThat(records).extracting(QuerySourceIT::key).containsOnly("d1");
            assertThat(records).extracting(ConsumerRecord::timestamp).containsExactly(base, base + 1);
        }
    }

    /** Waits until every expected row is in the topic, then checks there is nothing else and each row's content. */
    private void assertArrived(TopicReader reader, Map<String, List<Reading>> expected, String database) {
        int total = expected.values().stream().mapToInt(List::size).sum();
        await().atMost(Duration.ofSeconds(30)).until(() -> reader.count() >= total);
        List<ConsumerRecord<byte[], byte[]>> records = reader.poll();
        Map<String, List<ConsumerRecord<byte[], byte[]>>> byTable = new LinkedHashMap<>();
        records.forEach(
                r -> byTable.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r));
        assertThat(byTable.keySet())
                .as("record keys (table names)")
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((table, rows) -> {
            List<ConsumerRecord<byte[], byte[]>> got = byTable.get(table);
            assertThat(got)
                    .extracting(ConsumerRecord::timestamp)
                    .as("record timestamps of %s, in topic order", table)
                    .containsExactlyElementsOf(rows.stream().map(Reading::ts).toList());
            for (int i = 0; i < rows.size(); i++) {
                assertJsonRow(json(got.get(i)), database, rows.get(i));
            }
        });
    }

    /** A row of {@code out.format=json} output, with {@code data.precision=ms}, against the inserted row. */
    static void assertJsonRow(JsonNode row, String database, Reading expected) {
        String what = expected.table() + "@" + expected.ts() + ": " + row;
        assertThat(row.path("database").asText()).as(what).isEqualTo(database);
        assertThat(row.path("stable").asText()).as(what).isEqualTo(Meters.STABLE);
        assertThat(row.path("table").asText()).as(what).isEqualTo(expected.table());
        assertThat(row.path("ts").isIntegralNumber()).as(what).isTrue();
        assertThat(row.path("ts").asLong()).as(what).isEqualTo(expected.ts());
        assertThat(row.path("precision").asText()).as(what).isEqualTo("ms");

        JsonNode columns = row.path("columns");
        assertThat(columns.properties())
                .extracting(Map.Entry::getKey)
                .as(what)
                .containsExactly("current", "voltage", "phase", "online", "note", "site");
        assertThat(columns.path("current").isNumber()).as(what).isTrue();
        assertThat(columns.path("current").floatValue()).as(what).isEqualTo(expected.current());
        assertThat(columns.path("voltage").isIntegralNumber()).as(what).isTrue();
        assertThat(columns.path("voltage").asInt()).as(what).isEqualTo(expected.voltage());
        if (expected.phase() == null) {
            assertThat(columns.path("phase").isNull()).as(what).isTrue();
        } else {
            assertThat(columns.path("phase").doubleValue()).as(what).isEqualTo(expected.phase());
        }
        assertThat(columns.path("online").isBoolean()).as(what).isTrue();
        assertThat(columns.path("online").booleanValue()).as(what).isEqualTo(expected.online());
        assertThat(columns.path("note").asText()).as(what).isEqualTo(expected.note());
        assertThat(columns.path("site").asText()).as(what).isEqualTo(expected.site());

        JsonNode tags = row.path("tags");
        assertThat(tags.properties()).extracting(Map.Entry::getKey).as(what).containsExactly("location", "groupid");
        assertThat(tags.path("location").asText()).as(what).isEqualTo(expected.location());
        assertThat(tags.path("groupid").isIntegralNumber()).as(what).isTrue();
        assertThat(tags.path("groupid").asInt()).as(what).isEqualTo(expected.groupId());
    }

    private String database(String prefix) {
        String database = databases.add(ItEnvironment.unique(prefix));
        Meters.create(td, database);
        return database;
    }

    static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    static String value(ConsumerRecord<byte[], byte[]> record) {
        return record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
    }

    static JsonNode json(ConsumerRecord<byte[], byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new AssertionError("record value is not JSON: " + value(record), e);
        }
    }
}
