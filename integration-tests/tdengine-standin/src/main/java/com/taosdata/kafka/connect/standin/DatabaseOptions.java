package com.taosdata.kafka.connect.standin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The {@code CREATE DATABASE} options that change what the stand-in answers
 * ({@code docs/en/14-reference/03-taos-sql/02-database.md}): {@code PRECISION} ('ms', 'us', 'ns'; default ms),
 * {@code VGROUPS} (1 to 1024; default 2) and {@code KEEP} (1 to 365000 days, a number of days or a value with unit
 * {@code m}, {@code h} or {@code d}; up to three comma-separated values for tiered storage; default 3650 days).
 * Other options tune storage and are skipped.
 *
 * @param keepMinutes KEEP's three values (keep0, keep1, keep2) in minutes; a shorter list repeats its last value
 */
public record DatabaseOptions(DatabasePrecision precision, int vgroups, List<Long> keepMinutes) {
    private static final int DEFAULT_VGROUPS = 2;
    private static final int MAX_VGROUPS = 1024;
    private static final long MINUTES_PER_DAY = 24 * 60;
    private static final long MIN_KEEP_MINUTES = MINUTES_PER_DAY;
    private static final long MAX_KEEP_MINUTES = 365_000 * MINUTES_PER_DAY;
    private static final List<Long> DEFAULT_KEEP =
            List.of(3650 * MINUTES_PER_DAY, 3650 * MINUTES_PER_DAY, 3650 * MINUTES_PER_DAY);

    public DatabaseOptions {
        keepMinutes = List.copyOf(keepMinutes);
    }

    public static DatabaseOptions defaults() {
        return new DatabaseOptions(DatabasePrecision.MS, DEFAULT_VGROUPS, DEFAULT_KEEP);
    }

    /** Reads the options between the database name and the end of the statement. */
    static DatabaseOptions read(TokenCursor c) {
        DatabasePrecision precision = DatabasePrecision.MS;
        int vgroups = DEFAULT_VGROUPS;
        List<Long> keep = DEFAULT_KEEP;
        while (!c.atEnd()) {
            if (c.acceptWord("PRECISION")) {
                Token value = c.next();
                if (value.kind() != Token.Kind.STRING) {
                    throw ServerError.PAR_INVALID_DB_OPTION.error("Invalid option precision: " + value.text());
                }
                precision = DatabasePrecision.parse(value.text());
            } else if (c.acceptWord("VGROUPS")) {
                vgroups = vgroupCount(c.next());
            } else if (c.acceptWord("KEEP")) {
                keep = keepValues(c);
            } else {
                c.next();
            }
        }
        return new DatabaseOptions(precision, vgroups, keep);
    }

    /** keep2, the retention that bounds the oldest timestamp a vnode accepts. */
    public long keepMinutesForWrites() {
        return keepMinutes.get(2);
    }

    /** KEEP as {@code ins_databases} shows it: {@code 3650d,3650d,3650d}, each in the largest whole unit. */
    public String keepText() {
        StringJoiner text = new StringJoiner(",");
        for (long minutes : keepMinutes) {
            if (minutes % MINUTES_PER_DAY == 0) {
                text.add(minutes / MINUTES_PER_DAY + "d");
            } else if (minutes % 60 == 0) {
                text.add(minutes / 60 + "h");
            } else {
                text.add(minutes + "m");
            }
        }
        return text.toString();
    }

    private static int vgroupCount(Token value) {
        if (value.kind() == Token.Kind.NUMBER && value.text().matches("\\d{1,4}")) {
            int n = Integer.parseInt(value.text());
            if (n >= 1 && n <= MAX_VGROUPS) {
                return n;
            }
        }
        throw ServerError.PAR_INVALID_DB_OPTION.error("Invalid option vgroups: " + value.text());
    }

    private static List<Long> keepValues(TokenCursor c) {
        List<Long> values = new ArrayList<>();
        do {
            values.add(keepValue(c));
        } while (values.size() < 3 && c.acceptSymbol(","));
        while (values.size() < 3) {
            values.add(values.get(values.size() - 1));
        }
        if (values.get(0) > values.get(1) || values.get(1) > values.get(2)) {
            throw ServerError.PAR_INVALID_DB_OPTION.error("Invalid option keep: keep0 <= keep1 <= keep2");
        }
        return values;
    }

    private static long keepValue(TokenCursor c) {
        Token number = c.next();
        if (number.kind() != Token.Kind.NUMBER || !number.text().matches("\\d{1,12}")) {
            throw ServerError.PAR_INVALID_DB_OPTION.error("Invalid option keep: " + number.text());
        }
        long minutesPerUnit = MINUTES_PER_DAY;
        Token unit = c.peek();
        if (unit != null && unit.kind() == Token.Kind.WORD && unit.start() == number.end()) {
            minutesPerUnit = switch (unit.text().toLowerCase(Locale.ROOT)) {
                case "m" -> 1;
                case "h" -> 60;
                case "d" -> MINUTES_PER_DAY;
                default ->
                    throw ServerError.PAR_INVALID_DB_OPTION.error(
                            "Invalid option keep: " + number.text() + unit.text());
            };
            c.next();
        }
        long minutes = Long.parseLong(number.text()) * minutesPerUnit;
        if (minutes < MIN_KEEP_MINUTES || minutes > MAX_KEEP_MINUTES) {
            throw ServerError.PAR_INVALID_DB_OPTION.error("Invalid option keep: " + minutes + " minutes");
        }
        return minutes;
    }
}
