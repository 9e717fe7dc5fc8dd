package com.taosdata.kafka.connect.standin;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses OpenTSDB telnet lines, {@code metric timestamp value tagk=tagv…}, as TDengine's schemaless writer reads
 * them ({@code docs/en/07-develop/04-schemaless.md}, OpenTSDB line protocol; codes from {@code clientSmlTelnet.c}
 * where the doc is silent): the value is the {@code _value} column, typed like a line protocol field (DOUBLE
 * without suffix); tags are NCHAR and at least one is required; the timestamp's unit follows its digit count,
 * 10 seconds or 13 milliseconds (facts note), {@code 0} means now, any other length is "Invalid timestamp
 * format" ({@code 0x80000127}).
 */
public final class TelnetParser {
    private static final int MAX_NAME_BYTES = 192;
    private static final int MAX_KEY_BYTES = 64;

    private TelnetParser() {}

    public static List<SmlPoint> parse(String body) {
        List<SmlPoint> points = new ArrayList<>();
        String[] lines = body.split("\r?\n", -1);
        int count = lines.length;
        while (count > 0 && lines[count - 1].isEmpty()) {
            count--;
        }
        for (int i = 0; i < count; i++) {
            points.add(parseLine(lines[i]));
        }
        if (points.isEmpty()) {
            throw ServerError.SML_INVALID_DATA.error("Invalid data format: no lines");
        }
        return points;
    }

    static SmlPoint parseLine(String line) {
        String[] parts = line.strip().split(" +");
        String metric = parts[0];
        if (metric.isEmpty() || metric.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw ServerError.SML_MEASURE_INVALID.error();
        }
        if (parts.length < 2) {
            throw ServerError.SML_INVALID_DATA.error("Invalid data format: invalid timestamp");
        }
        long unit = nanosPerUnitByDigits(parts[1]);
        BigInteger raw = SmlFieldValues.timestamp(parts[1]);
        if (parts.length < 3) {
            throw ServerError.TSC_INVALID_VALUE.error("Invalid value in client: no value");
        }
        Map<String, SmlValue> fields = new LinkedHashMap<>();
        fields.put(SmlPointApplier.VALUE_COLUMN, SmlFieldValues.unquoted(parts[2]));
        if (parts.length < 4) {
            throw ServerError.TSC_INVALID_VALUE.error("Invalid value in client: no tags");
        }
        Map<String, SmlValue> tags = new LinkedHashMap<>();
        for (int i = 3; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            String key = eq < 0 ? "" : parts[i].substring(0, eq);
            if (key.isEmpty() || key.getBytes(StandardCharsets.UTF_8).length >= MAX_KEY_BYTES) {
                throw ServerError.TSC_INVALID_COLUMN_LENGTH.error("invalid key or key is too long than 64");
            }
            String value = parts[i].substring(eq + 1);
            if (value.isEmpty()) {
                throw ServerError.TSC_INVALID_VALUE.error("Invalid value in client: tag " + key);
            }
            if (value.indexOf('=') >= 0) {
                throw ServerError.SML_INVALID_DATA.error("Invalid data format: " + parts[i]);
            }
            tags.put(key, SmlValue.nchar(value));
        }
        return new SmlPoint(metric, tags, fields, raw.signum() == 0 ? null : raw, unit);
    }

    /** OpenTSDB's rule as TDengine applies it: 10 digits are seconds, 13 milliseconds; {@code 0} is now. */
    static long nanosPerUnitByDigits(String digits) {
        return switch (digits.length()) {
            case 10 -> 1_000_000_000L;
            case 13 -> 1_000_000L;
            default -> {
                if (digits.equals("0")) {
                    yield 1L;
                }
                throw ServerError.INVALID_TIMESTAMP.error("timestamp precision can only be seconds(10 digits) "
                        + "or milli seconds(13 digits): " + digits);
            }
        };
    }
}
