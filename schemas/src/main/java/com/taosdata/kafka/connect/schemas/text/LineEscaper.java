package com.taosdata.kafka.connect.schemas.text;

import com.taosdata.kafka.connect.schemas.UnsupportedValueException;

/**
 * Escapes text for TDengine's schemaless line protocol, following its documented rules: the measurement escapes
 * comma and space; tag keys, tag values and field keys escape comma, equal sign and space; string field values
 * escape double quote and backslash.
 *
 * <p>TDengine unescapes a backslash only before those characters, so a backslash elsewhere is written as is. A
 * backslash at the very end of a measurement or key cannot be written at all (it would escape the separator
 * that follows), and neither can a line break in the measurement, a key or a tag value (outside quotes a line
 * feed ends the line whatever precedes it, and TDengine's raw-text splitting and key parser carry neither line
 * feeds nor carriage returns there); both are reported as {@link UnsupportedValueException}.
 *
 * <p>A string field value may hold line feeds and carriage returns: TDengine has no escape for them, so they are
 * written raw inside the quotes, and a reader must split lines only outside quoted strings. TDengine's native
 * schemaless writer (one line per array element) stores them exactly; its raw-text writers (WebSocket, REST)
 * split their input at every line feed, quoted or not, so such a line can only be written natively. A carriage
 * return inside the quotes is stored exactly over native and WebSocket. Everything is appended in place, without
 * intermediate strings.
 */
public final class LineEscaper {

    private LineEscaper() {
    }

    /** Appends a measurement (super table name), escaping comma and space. */
    public static void appendMeasurement(StringBuilder out, CharSequence text) {
        requireNonEmpty(text, "measurement");
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == ',' || c == ' ') {
                out.append('\\');
            } else {
                rejectLineBreak(c, "measurement");
            }
            out.append(c);
        }
        rejectTrailingBackslash(text, "measurement");
    }

    /** Appends a tag key, a tag value or a field key, escaping comma, equal sign and space. */
    public static void appendKey(StringBuilder out, CharSequence text, String what) {
        requireNonEmpty(text, what);
        int length = text.length();
        int plain = 0;
        while (plain < length && isPlainInKey(text.charAt(plain))) {
            plain++;
        }
        // Keys are mostly plain: copied at once rather than a character at a time (the encoders' hottest loop).
        appendRange(out, text, plain);
        for (int i = plain; i < length; i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '=' || c == ' ') {
                out.append('\\');
            } else {
                rejectLineBreak(c, what);
            }
            out.append(c);
        }
        rejectTrailingBackslash(text, what);
    }

    /**
     * Appends the inside of a quoted string field value, escaping double quote and backslash (TDengine turns
     * {@code \\} back into one backslash and {@code \"} into a quote). Line feeds and carriage returns are written
     * raw: TDengine has no escape for them, and inside quotes they do not end the line.
     */
    public static void appendFieldString(StringBuilder out, CharSequence text) {
        int length = text.length();
        int plain = 0;
        while (plain < length && text.charAt(plain) != '"' && text.charAt(plain) != '\\') {
            plain++;
        }
        appendRange(out, text, plain);
        for (int i = plain; i < length; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
    }

    private static boolean isPlainInKey(char c) {
        return c != ',' && c != '=' && c != ' ' && c != '\n' && c != '\r';
    }

    /** The first {@code end} characters of {@code text}; a whole String is appended as one copy. */
    private static void appendRange(StringBuilder out, CharSequence text, int end) {
        if (end == text.length() && text instanceof String string) {
            out.append(string);
        } else {
            out.append(text, 0, end);
        }
    }

    private static void requireNonEmpty(CharSequence text, String what) {
        if (text.length() == 0) {
            throw new UnsupportedValueException("empty " + what + " cannot be written in line protocol");
        }
    }

    private static void rejectLineBreak(char c, String what) {
        if (c == '\n' || c == '\r') {
            throw new UnsupportedValueException(what + " contains a line break, which ends a line-protocol line"
                    + " and has no escape");
        }
    }

    private static void rejectTrailingBackslash(CharSequence text, String what) {
        if (text.charAt(text.length() - 1) == '\\') {
            throw new UnsupportedValueException(what + " ends with a backslash, which would escape the separator"
                    + " after it; TDengine's line protocol has no escape for it");
        }
    }
}
