package com.taosdata.kafka.connect.it.source;

import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The super table the query suites read, {@code meters}, and the rows they insert into it with SQL. Values are
 * chosen to survive every output form exactly: floats with short binary fractions, strings with characters line
 * protocol escapes.
 */
public final class Meters {

    public static final String STABLE = "meters";

    /** One row of a subtable, with the subtable's tags. {@code phase} null leaves the column NULL. */
    public record Reading(
            String table,
            String location,
            int groupId,
            long ts,
            float current,
            int voltage,
            Double phase,
            boolean online,
            String note,
            String site) {}

    private Meters() {}

    /** A millisecond database with super table {@code meters}. */
    public static void create(TDengineTarget td, String database) {
        td.execute("CREATE DATABASE `" + database + "` PRECISION 'ms'");
        td.execute(
                "CREATE STABLE `" + database + "`.`" + STABLE + "` (ts TIMESTAMP, current FLOAT, voltage INT, "
                        + "phase DOUBLE, online BOOL, note VARCHAR(48), site NCHAR(24)) TAGS (location NCHAR(48), groupid INT)");
    }

    /** {@code count} rows of subtable {@code table}, one second apart from {@code firstTs}, numbered from {@code first}. */
    public static List<Reading> rows(String table, String location, int groupId, long firstTs, int first, int count) {
        List<Reading> rows = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            // Every third row leaves phase NULL, which line output leaves out and JSON writes as null.
            Double phase = i % 3 == 2 ? null : 0.125 * i;
            rows.add(new Reading(
                    table,
                    location,
                    groupId,
                    firstTs + i * 1000L,
                    10.25f + i,
                    200 + i,
                    phase,
                    i % 2 == 0,
                    "row " + i + " of " + table,
                    "site-" + groupId));
        }
        return rows;
    }

    /** Inserts rows of one subtable in one statement, creating the subtable with its tags if missing. */
    public static void insert(TDengineTarget td, String database, List<Reading> rows) {
        td.execute("INSERT INTO " + tableClause(database, rows));
    }

    /**
     * What an {@code INSERT INTO} says of one subtable's rows: the subtable, its super table and tags (created if
     * missing), and the values. One statement may name several subtables this way.
     */
    static String tableClause(String database, List<Reading> rows) {
        Reading any = rows.get(0);
        String values = rows.stream()
                .map(r -> "(" + r.ts() + ", " + r.current() + ", " + r.voltage() + ", "
                        + (r.phase() == null ? "NULL" : r.phase().toString()) + ", " + r.online() + ", "
                        + literal(r.note())
                        + ", " + literal(r.site()) + ")")
                .collect(Collectors.joining(" "));
        return "`" + database + "`.`" + any.table() + "` USING `" + database + "`.`" + STABLE + "` TAGS ("
                + literal(any.location()) + ", " + any.groupId() + ") VALUES " + values;
    }

    /** A TDengine string literal: backslash and single quote are escaped (TDengine's "Escape Characters"). */
    static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** A time well before now, whole seconds: query mode reads rows up to the worker's clock only. */
    public static long baseTs() {
        return (System.currentTimeMillis() / 1000L - 3600L) * 1000L;
    }
}
