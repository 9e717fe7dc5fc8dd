package com.taosdata.kafka.connect.standin;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns TDengine duration literals such as {@code 1h} in {@code now - 1h} into ticks of the database precision.
 * Units per {@code docs/en/14-reference/03-taos-sql/01-data-type.md} ("Timestamp"): {@code b} nanoseconds,
 * {@code u} microseconds, {@code a} milliseconds, {@code s}, {@code m}, {@code h}, {@code d}, {@code w}.
 */
public final class Durations {
    private Durations() {}

    public static List<Token> merge(List<Token> tokens, DatabasePrecision precision) {
        List<Token> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            long nanos = next == null ? -1 : unitNanos(next);
            if (t.kind() == Token.Kind.NUMBER
                    && nanos > 0
                    && next.start() == t.end()
                    && t.text().matches("\\d+")) {
                long ticks = precision.fromUnits(Long.parseLong(t.text()), nanos);
                out.add(new Token(Token.Kind.NUMBER, Long.toString(ticks), t.start(), next.end()));
                i++;
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private static long unitNanos(Token t) {
        if (t.kind() != Token.Kind.WORD) {
            return -1;
        }
        return switch (t.text()) {
            case "b" -> 1L;
            case "u" -> 1_000L;
            case "a" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            case "d" -> 86_400_000_000_000L;
            case "w" -> 604_800_000_000_000L;
            default -> -1;
        };
    }
}
