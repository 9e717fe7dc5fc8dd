package com.taosdata.kafka.connect.transforms.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent reader of TDengine line protocol, written from the server's parser ({@code clientSmlLine.c}) and
 * what a real 3.3.6.13 stored: a comma, space or equal sign separates unless the character before it is a
 * backslash that has no backslash before it (so {@code a\\ b} ends at its space); the measurement unescapes
 * {@code \,}, {@code \ } and {@code \\}; keys and tag values unescape {@code \,}, {@code \=}, {@code \ } and
 * {@code \\}, each pair from left to right; quoted string values unescape {@code \"} and {@code \\}; any other
 * backslash stays. A line break
 * can only be inside a quoted string value, where TDengine has no escape for it and it stands raw; anywhere else it
 * would end the line.
 */
public final class LineProtocolReader {

    private final String line;
    private int pos;

    private LineProtocolReader(String line) {
        this.line = line;
    }

    public static ParsedLine parse(String line) {
        return new LineProtocolReader(line).read();
    }

    private ParsedLine read() {
        String measurement = unescape(token(",", " "), ", \\");
        Map<String, String> tags = new LinkedHashMap<>();
        while (peek() == ',') {
            pos++;
            String key = unescape(token("=", null), ",= \\");
            expect('=');
            String value = unescape(token(", ", null), ",= \\");
            if (value.isEmpty()) {
                throw new IllegalArgumentException("empty tag value at " + pos + ": " + line);
            }
            tags.put(key, value);
        }
        expect(' ');
        Map<String, Value> fields = new LinkedHashMap<>();
        do {
            if (!fields.isEmpty()) {
                pos++;
            }
            String key = unescape(token("=", null), ",= \\");
            expect('=');
            fields.put(key, fieldValue());
        } while (peek() == ',');
        expect(' ');
        long timestamp = Long.parseLong(line.substring(pos));
        return new ParsedLine(measurement, tags, fields, timestamp);
    }

    /** Reads up to the first unescaped character of {@code stops}; {@code alsoStop} chars end it too. */
    private String token(String stops, String alsoStop) {
        int start = pos;
        while (pos < line.length()) {
            char c = line.charAt(pos);
            boolean escaped =
                    pos > start && line.charAt(pos - 1) == '\\' && (pos - 1 == start || line.charAt(pos - 2) != '\\');
            if (!escaped && (stops.indexOf(c) >= 0 || (alsoStop != null && alsoStop.indexOf(c) >= 0))) {
                break;
            }
            if (!escaped && (c == ' ' || c == ',') && stops.indexOf('=') >= 0) {
                throw new IllegalArgumentException("separator inside a key at " + pos + ": " + line);
            }
            rejectLineBreak(c);
            pos++;
        }
        return line.substring(start, pos);
    }

    private static String unescape(String raw, String specials) {
        StringBuilder out = new StringBuilder(raw);
        for (int i = 1; i < out.length(); i++) {
            if (out.charAt(i - 1) == '\\' && specials.indexOf(out.charAt(i)) >= 0) {
                out.deleteCharAt(i - 1);
            }
        }
        return out.toString();
    }

    private Value fieldValue() {
        char first = line.charAt(pos);
        if (first == '"' || ((first == 'L' || first == 'l') && line.charAt(pos + 1) == '"')) {
            boolean nchar = first != '"';
            pos += nchar ? 2 : 1;
            StringBuilder text = new StringBuilder();
            while (true) {
                char c = line.charAt(pos++);
                if (c == '\\' && (line.charAt(pos) == '"' || line.charAt(pos) == '\\')) {
                    text.append(line.charAt(pos++));
                } else if (c == '"') {
                    break;
                } else {
                    text.append(c);
                }
            }
            return new Value(nchar ? "nchar" : "varchar", text.toString());
        }
        int start = pos;
        while (pos < line.length() && line.charAt(pos) != ',' && line.charAt(pos) != ' ') {
            rejectLineBreak(line.charAt(pos));
            pos++;
        }
        return Value.parseBare(line.substring(start, pos));
    }

    private void rejectLineBreak(char c) {
        if (c == '\n' || c == '\r') {
            throw new IllegalArgumentException("line break outside a quoted string at " + pos + ": " + line);
        }
    }

    private char peek() {
        return pos < line.length() ? line.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + pos + ": " + line);
        }
        pos++;
    }

    /** A parsed line. */
    public static final class ParsedLine {
        public final String measurement;
        public final Map<String, String> tags;
        public final Map<String, Value> fields;
        public final long timestamp;

        ParsedLine(String measurement, Map<String, String> tags, Map<String, Value> fields, long timestamp) {
            this.measurement = measurement;
            this.tags = tags;
            this.fields = fields;
            this.timestamp = timestamp;
        }
    }

    /** A field value: its type as the suffix or quoting names it, and its Java value. */
    public static final class Value {
        public final String type;
        public final Object value;

        Value(String type, Object value) {
            this.type = type;
            this.value = value;
        }

        /** An expected value, for comparisons with parsed ones. */
        public static Value of(String type, Object value) {
            return new Value(type, value);
        }

        static Value parseBare(String text) {
            switch (text.toLowerCase()) {
                case "t":
                case "true":
                    return new Value("bool", true);
                case "f":
                case "false":
                    return new Value("bool", false);
                default:
                    break;
            }
            for (String suffix : List.of("i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64")) {
                if (text.endsWith(suffix)) {
                    return new Value(suffix, Long.parseLong(text.substring(0, text.length() - suffix.length())));
                }
            }
            if (text.endsWith("i") || text.endsWith("u")) {
                return new Value("i64", Long.parseLong(text.substring(0, text.length() - 1)));
            }
            if (text.endsWith("f32")) {
                return new Value("f32", Float.parseFloat(text.substring(0, text.length() - 3)));
            }
            String number = text.endsWith("f64") ? text.substring(0, text.length() - 3) : text;
            return new Value("f64", Double.parseDouble(number));
        }

        @Override
        public String toString() {
            return type + ":" + value;
        }
    }
}
