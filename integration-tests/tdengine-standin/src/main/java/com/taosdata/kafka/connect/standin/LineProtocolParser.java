package com.taosdata.kafka.connect.standin;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses InfluxDB line protocol as TDengine's schemaless writer reads it ({@code docs/en/07-develop/04-schemaless.md}):
 * {@code measurement[,tag=value…] field=value[,…] [timestamp]}, one point per line.
 *
 * <p>Escapes are those of TDengine's parser and are removed from stored names and values: comma, space and
 * backslash in the measurement; comma, equal sign, space and backslash in tag keys, tag values and field keys;
 * double quote and backslash in string field values; a backslash before any other character stays. Where a name or
 * tag value ends is found without pairing escapes, so a separator after {@code \\} separates ({@link #read}).
 * Tag values are NCHAR; an empty tag value is "Invalid data format" ({@code 0x80003002}); an empty line or
 * measurement is {@code 0x8000020A} (facts note). Where the doc is silent the codes follow TDengine's parser
 * ({@code clientSmlLine.c}): a value that is no valid string, bool or number is {@code 0x80000203}, an empty or
 * 64-byte key {@code 0x8000021F}, a leading comma, an unescaped {@code =}, an empty field value or a missing field
 * set {@code 0x80003002}; lines starting with {@code #} are comments. Timestamps are read unbounded: whether one
 * is in range is decided per vgroup when it is written ({@link SmlPointApplier}).
 *
 * <p>The body is cut into lines at every line feed before any line is parsed, so a line feed inside a string
 * field ends its line there and leaves the string unbalanced ({@code 0x80003002} "SML line unbalanced quotes"):
 * the request writes nothing, as a real 3.3.6.13 answered. A carriage return inside a string is an ordinary
 * character.
 */
public final class LineProtocolParser {
    private static final int MAX_NAME_BYTES = 192;
    private static final int MAX_KEY_BYTES = 64;

    private LineProtocolParser() {}

    /**
     * @param precision taosAdapter's {@code precision} parameter: {@code ns} (default), {@code u}/{@code μ},
     *                  {@code ms}, {@code s}, {@code m}, {@code h} ({@code driver/wrapper/schemaless.go}); any
     *                  other value reaches TDengine as "not configured", which its line parser reads as
     *                  nanoseconds ({@code smlPrecisionConvert} in {@code clientSmlLine.c})
     */
    public static List<SmlPoint> parse(String body, String precision) {
        long nanosPerUnit = nanosPerUnit(precision);
        List<SmlPoint> points = new ArrayList<>();
        for (String line : body.strip().split("\n", -1)) {
            String content = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            // TDengine skips comment lines of raw line-protocol input (smlParseLine in clientSml.c)
            if (!content.startsWith("#")) {
                points.add(parseLine(content, nanosPerUnit));
            }
        }
        if (points.isEmpty()) {
            throw ServerError.SML_MEASURE_INVALID.error();
        }
        return points;
    }

    static long nanosPerUnit(String precision) {
        return switch (precision == null ? "" : precision) {
            case "u", "μ" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 1L;
        };
    }

    static SmlPoint parseLine(String line, long nanosPerUnit) {
        int[] pos = {0};
        while (at(line, pos[0]) == ' ') {
            pos[0]++;
        }
        if (at(line, pos[0]) == ',') {
            throw invalidLine("invalid data", line, pos[0]);
        }
        String measurement = read(line, pos, ", ", ", \\");
        if (measurement.isEmpty() || measurement.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw ServerError.SML_MEASURE_INVALID.error();
        }
        Map<String, SmlValue> tags = new LinkedHashMap<>();
        if (at(line, pos[0]) == ',') {
            do {
                pos[0]++;
                String key = key(line, pos);
                int valueStart = pos[0];
                String value = read(line, pos, ",= ", ",= \\");
                if (at(line, pos[0]) == '=') {
                    throw invalidLine("invalid data", line, pos[0]);
                }
                if (value.isEmpty()) {
                    throw invalidLine("invalid value", line, valueStart);
                }
                tags.put(key, SmlValue.nchar(value));
            } while (at(line, pos[0]) == ',');
        }
        if (pos[0] >= line.length()) {
            throw ServerError.SML_INVALID_DATA.error("SML line cols is empty");
        }
        skipSpaces(line, pos);
        Map<String, SmlValue> fields = new LinkedHashMap<>();
        do {
            if (at(line, pos[0]) == ',') {
                pos[0]++;
            }
            String key = key(line, pos);
            fields.put(key, fieldValue(line, pos));
        } while (at(line, pos[0]) == ',');
        if (pos[0] < line.length()) {
            skipSpaces(line, pos);
        }
        String[] rest = line.substring(pos[0]).strip().split("\\s+", 2);
        BigInteger timestamp = rest[0].isEmpty() || rest[0].equals("0") ? null : SmlFieldValues.timestamp(rest[0]);
        return new SmlPoint(measurement, tags, fields, timestamp, nanosPerUnit);
    }

    /** A tag or field key; TDengine checks its length as a column name (1 to 64 bytes, 0x8000021F). */
    private static String key(String line, int[] pos) {
        String key = read(line, pos, "=, ", ",= \\");
        if (at(line, pos[0]) != '=') {
            throw invalidLine("invalid data", line, pos[0]);
        }
        if (key.isEmpty() || key.getBytes(StandardCharsets.UTF_8).length >= MAX_KEY_BYTES) {
            throw ServerError.TSC_INVALID_COLUMN_LENGTH.error("invalid key or key is too long than 64: " + key);
        }
        pos[0]++;
        return key;
    }

    private static SmlValue fieldValue(String line, int[] pos) {
        char first = at(line, pos[0]);
        if (first == '"') {
            return SmlValue.varchar(quoted(line, pos));
        }
        if ((first == 'L' || first == 'l') && at(line, pos[0] + 1) == '"') {
            pos[0]++;
            return SmlValue.nchar(quoted(line, pos));
        }
        int start = pos[0];
        while (pos[0] < line.length() && line.charAt(pos[0]) != ',' && line.charAt(pos[0]) != ' ') {
            if (line.charAt(pos[0]) == '=') {
                throw invalidLine("invalid data", line, pos[0]);
            }
            pos[0]++;
        }
        if (pos[0] == start) {
            throw invalidLine("invalid value", line, start);
        }
        return SmlFieldValues.unquoted(line.substring(start, pos[0]));
    }

    /** A double-quoted string from {@code pos} (at the opening quote) with {@code \"} and {@code \\} unescaped. */
    private static String quoted(String line, int[] pos) {
        StringBuilder out = new StringBuilder();
        int i = pos[0] + 1;
        while (i < line.length()) {
            char ch = line.charAt(i);
            if (ch == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                out.append(line.charAt(i + 1));
                i += 2;
            } else if (ch == '"') {
                pos[0] = i + 1;
                return out.toString();
            } else {
                out.append(ch);
                i++;
            }
        }
        throw invalidLine("unbalanced quotes", line, pos[0]);
    }

    /**
     * Reads up to an unescaped stop character, then drops the backslash of each escape pair. TDengine finds the end
     * without pairing escapes ({@code IS_SPACE}, {@code IS_COMMA}, {@code IS_EQUAL} in {@code clientSmlLine.c}): a
     * stop character is escaped by a backslash that has no backslash before it, so {@code a\\ b} and
     * {@code a\\\ b} both end at the space. Only the unescaping ({@code PROCESS_SLASH_IN_*}) pairs from left to
     * right, a backslash before an escapable character standing for that character.
     */
    private static String read(String line, int[] pos, String stops, String escapable) {
        int start = pos[0];
        int i = start;
        while (i < line.length() && (stops.indexOf(line.charAt(i)) < 0 || escapedStop(line, start, i))) {
            i++;
        }
        pos[0] = i;
        StringBuilder out = new StringBuilder(i - start);
        for (int j = start; j < i; j++) {
            if (line.charAt(j) == '\\' && j + 1 < i && escapable.indexOf(line.charAt(j + 1)) >= 0) {
                j++;
            }
            out.append(line.charAt(j));
        }
        return out.toString();
    }

    private static boolean escapedStop(String line, int start, int i) {
        return i > start && line.charAt(i - 1) == '\\' && (i - 1 == start || line.charAt(i - 2) != '\\');
    }

    private static void skipSpaces(String line, int[] pos) {
        if (at(line, pos[0]) != ' ') {
            throw invalidLine("invalid data", line, pos[0]);
        }
        while (at(line, pos[0]) == ' ') {
            pos[0]++;
        }
    }

    /**
     * TDengine's parser reports a malformed line as {@code SML line <reason>:<the line from where it failed>}
     * (the form a real 3.3.6.13 answered, e.g. {@code SML line invalid value: 1700000000000000000} for {@code f=}).
     */
    private static ServerErrorException invalidLine(String reason, String line, int from) {
        return ServerError.SML_INVALID_DATA.error(
                "SML line " + reason + ":" + line.substring(Math.min(from, line.length())));
    }

    private static char at(String line, int i) {
        return i < line.length() ? line.charAt(i) : '\0';
    }
}
