package com.taosdata.kafka.connect.it.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;
import static org.awaitility.Awaitility.await;

import com.taosdata.kafka.connect.it.harness.Connectors;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Round trip: the sink writes line protocol into database A; the source reads A back as line protocol
 * ({@code out.format=line}, the sink's {@code data.precision}) into a topic; a second sink writes that topic into
 * database B. A and B then hold the same super table, columns, tags, timestamps and values, so the source's lines
 * are escaped and typed the way TDengine's schemaless parser reads them, backslashes in tag values too.
 */
class SourceSinkRoundTripIT {

    private static final String STABLE = "meters";

    private final ItEnvironment env = ItEnvironment.get();
    private final TDengineTarget td = env.tdengine();

    @RegisterExtension
    @Order(1)
    final Databases databases = new Databases(td);

    @RegisterExtension
    @Order(2)
    final Connectors connectors = new Connectors(() -> env.worker().rest());

    @Test
    void rowsWrittenBackFromTheSourceEqualTheOriginals() {
        String in = ItEnvironment.unique("rt_in");
        String databaseA = databases.add(ItEnvironment.unique("rt_a"));
        String databaseB = databases.add(ItEnvironment.unique("rt_b"));
        String prefix = ItEnvironment.unique("rt");
        String between = SourceConfigs.topic(prefix, databaseA, STABLE);
        // Nanoseconds, the sink's default precision, with digits below the millisecond that must survive.
        long base = Meters.baseTs() * 1_000_000L + 123_456L;
        List<String> lines = new ArrayList<>();
        // the last is C:\dir, x\ with every backslash doubled, as TDengine unescapes \\ in tag values
        String[] locations = {"San\\ Francisco\\,\\ CA", "Los\\ Angeles", "Reno\\=NV", "C:\\\\dir\\,\\ x\\\\"};
        for (int t = 0; t < locations.length; t++) {
            for (int i = 0; i < 4; i++) {
                // ubig is 18000000000000000000 + i, beyond the signed 64-bit range; row 2 has no phase (NULL).
                long ts = base + i * 1_000_000_000L;
                String phase = i == 2 ? "" : ",phase=" + (0.125 * i + t) + "f64";
                lines.add(STABLE + ",location=" + locations[t] + ",groupid=" + t + " current=" + (10.25 + i)
                        + "f32,voltage="
                        + (200 + i) + "i32" + phase + ",online=" + (i % 2 == 0) + ",note=\"row " + i
                        + " said \\\"hi\\\" in C:\\\\data\""
                        + ",site=L\"Zürich " + t + "\",tiny=" + (i - 2) + "i8,unum=" + (4_000_000_000L + i)
                        + "u32,ubig="
                        + "1800000000000000000" + i + "u64 " + ts);
            }
        }
        env.broker().createTopic(in, 1);
        env.broker().produce(in, lines);
        connectors.run(in, SinkConfigs.sink(td, in, databaseA), 1);
        String tableA = databaseA + "." + STABLE;
        await().atMost(Duration.ofSeconds(30)).until(() -> td.count(tableA) == lines.size());

        Map<String, String> source = SourceConfigs.query(td, databaseA, STABLE, prefix, "line");
        source.put("data.precision", "ns");
        connectors.run(prefix, source, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> env.broker().topics().contains(between));

        connectors.run(between, SinkConfigs.sink(td, between, databaseB), 1);
        String tableB = databaseB + "." + STABLE;
        await().atMost(Duration.ofSeconds(30)).until(() -> td.count(tableB) >= lines.size());

        Map<String, String> columnsA = columns(tableA);
        assertThat(columns(tableB))
                .as("columns and tags of B (written from the source's lines) and A")
                .containsExactlyEntriesOf(columnsA);
        List<Map<String, Object>> rowsA = rows(tableA, columnsA);
        List<Map<String, Object>> rowsB = rows(tableB, columnsA);
        assertThat(rowsA).as("rows of A").hasSize(lines.size());
        assertThat(rowsA)
                .filteredOn(r -> Long.valueOf(base).equals(r.get("_ts")) && "0".equals(r.get("groupid")))
                .as("first row of the first subtable of A, as the sink wrote it")
                .singleElement()
                .asInstanceOf(MAP)
                .containsEntry("location", "San Francisco, CA")
                .containsEntry("note", "row 0 said \"hi\" in C:\\data")
                .containsEntry("site", "Zürich 0")
                .containsEntry("online", true);
        assertThat(rowsA)
                .extracting(r -> r.get("location"))
                .as("a tag value with backslashes, as the sink wrote it")
                .contains("C:\\dir, x\\");
        assertThat(rowsB)
                .as("rows of B, with their tags, in timestamp and tag order")
                .containsExactlyElementsOf(rowsA);
        assertThat(env.worker().rest().taskStates(prefix)).containsOnly("RUNNING");
    }

    /** Column name to DESCRIBE type and note (TAG or empty); lengths of text columns are left to each schemaless write. */
    private Map<String, String> columns(String table) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (Map<String, Object> column : td.query("DESCRIBE " + table)) {
            String note =
                    column.get("note") == null ? "" : text(column.get("note")).trim();
            columns.put(text(column.get("field")), text(column.get("type")) + (note.isEmpty() ? "" : " " + note));
        }
        assertThat(columns)
                .as("columns of %s", table)
                .containsEntry("_ts", "TIMESTAMP")
                .containsEntry("location", "NCHAR TAG");
        return columns;
    }

    /** Every row with its tags, timestamps in nanoseconds, text as strings, sorted by timestamp and location. */
    private List<Map<String, Object>> rows(String table, Map<String, String> columns) {
        String select = columns.keySet().stream().map(c -> "`" + c + "`").collect(Collectors.joining(", "));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : td.query("SELECT " + select + " FROM " + table)) {
            Map<String, Object> normalized = new LinkedHashMap<>();
            row.forEach((name, value) -> normalized.put(name, normalize(value)));
            rows.add(normalized);
        }
        rows.sort(Comparator.comparing((Map<String, Object> r) -> (Long) r.get("_ts"))
                .thenComparing(r -> (String) r.get("location")));
        return rows;
    }

    private static Object normalize(Object value) {
        if (value instanceof Timestamp) {
            return TDengineTarget.epochNanos(value);
        }
        return value instanceof byte[] ? text(value) : value;
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes
                ? new String(bytes, StandardCharsets.UTF_8)
                : value == null ? null : value.toString();
    }
}
