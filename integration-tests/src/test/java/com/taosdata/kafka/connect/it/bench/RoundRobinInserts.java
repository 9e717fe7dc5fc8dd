package com.taosdata.kafka.connect.it.bench;

import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.util.Locale;

/**
 * The rows of {@link SinkBenchmark#meters} written the way issue 19's measurements wrote theirs
 * ({@code bench.insert=sql}): 100 subtables of a {@code meters} super table created first, then multi-table
 * {@code INSERT}s of {@value #ROWS_PER_INSERT} rows going round-robin over the subtables, row {@code i} one millisecond
 * after row {@code i - 1}, the last one about a minute ago (all within the past day). The super table has the columns
 * and tags the schemaless writer gives the lines, so every path reads the same shape either way.
 */
final class RoundRobinInserts {

    static final int ROWS_PER_INSERT = 10_000;
    private static final int SUBTABLES = 100;

    private RoundRobinInserts() {}

    /** Creates {@code database} at {@code precision} ({@code ms}, {@code us} or {@code ns}) and fills it. */
    static void write(TDengineTarget td, String database, String precision, int rows) {
        td.execute("CREATE DATABASE `" + database + "` PRECISION '" + precision + "'");
        td.execute(
                "CREATE STABLE `" + database + "`.meters (`_ts` TIMESTAMP, current DOUBLE, voltage INT, phase DOUBLE)"
                        + " TAGS (location NCHAR(32), groupid NCHAR(8), device NCHAR(8))");
        for (int device = 0; device < SUBTABLES; device++) {
            td.execute(String.format(
                    Locale.ROOT,
                    "CREATE TABLE `%s`.d%d USING `%s`.meters TAGS " + "('California.City%d', '%d', 'd%d')",
                    database,
                    device,
                    database,
                    device % 10,
                    device % 10,
                    device));
        }
        long perMilli = switch (precision) {
            case "ms" -> 1;
            case "us" -> 1_000;
            case "ns" -> 1_000_000;
            default -> throw new IllegalArgumentException("bench.precision must be ms, us or ns, not " + precision);
        };
        long base = (System.currentTimeMillis() - 60_000 - rows) * perMilli;
        for (int from = 0; from < rows; from += ROWS_PER_INSERT) {
            StringBuilder sql = new StringBuilder("INSERT INTO");
            for (int i = from; i < Math.min(rows, from + ROWS_PER_INSERT); i++) {
                sql.append(" `")
                        .append(database)
                        .append("`.d")
                        .append(i % SUBTABLES)
                        .append(" VALUES (")
                        .append(base + i * perMilli)
                        .append(',')
                        .append(10 + (i % 7) * 0.5)
                        .append(',')
                        .append(218 + i % 5)
                        .append(',')
                        .append(0.3 + (i % 3) * 0.01)
                        .append(')');
            }
            td.execute(sql.toString());
        }
    }
}
