package com.taosdata.kafka.connect.it.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads back super tables that schemaless writes created, the same way on the stand-in and on TDengine. */
final class SchemalessTables {

    private SchemalessTables() {}

    /**
     * Column name to type as {@code DESCRIBE} prints it, with {@code " TAG"} appended for tags, after checking
     * that the first column is the TIMESTAMP {@code _ts}, which TDengine's schemaless docs name; that column is
     * left out of the map.
     */
    static Map<String, String> columnTypes(TDengineTarget td, String table) {
        List<Map<String, Object>> columns = td.query("DESCRIBE " + table);
        assertThat(columns).as("columns of %s", table).isNotEmpty();
        assertThat(text(columns.get(0).get("field")))
                .as("first column of %s", table)
                .isEqualTo("_ts");
        assertThat(text(columns.get(0).get("type"))).as("type of %s._ts", table).isEqualTo("TIMESTAMP");
        Map<String, String> types = new TreeMap<>();
        for (Map<String, Object> column : columns.subList(1, columns.size())) {
            String note =
                    column.get("note") == null ? "" : text(column.get("note")).trim();
            types.put(text(column.get("field")), text(column.get("type")) + (note.isEmpty() ? "" : " " + note));
        }
        return types;
    }

    /** Every row of {@code table}, oldest first. */
    static List<Map<String, Object>> rowsByTime(TDengineTarget td, String table) {
        List<Map<String, Object>> rows = new ArrayList<>(td.query("SELECT * FROM " + table));
        rows.sort(Comparator.comparingLong(r -> TDengineTarget.epochNanos(r.get("_ts"))));
        return rows;
    }

    /** The row's timestamp in nanoseconds since the epoch. */
    static long nanos(Map<String, Object> row) {
        return TDengineTarget.epochNanos(row.get("_ts"));
    }

    /** A text column's value; VARCHAR may come back as bytes, depending on the JDBC transport. */
    static String text(Object value) {
        return value instanceof byte[] bytes
                ? new String(bytes, StandardCharsets.UTF_8)
                : value == null ? null : value.toString();
    }

    /** A numeric column's value; JDBC transports differ in the box of small integer and float types, DESCRIBE pins the type. */
    static Number number(Object value) {
        return (Number) value;
    }
}
