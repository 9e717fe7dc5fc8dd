package com.taosdata.kafka.connect.schemas.text;

import com.taosdata.kafka.connect.schemas.UnsupportedValueException;

/**
 * Escapes text for TDengine's schemaless line protocol as its line parser ({@code clientSmlLine.c}) reads it: the
 * measurement escapes comma, space and backslash; tag keys, tag values and field keys escape comma, equal sign,
 * space and backslash; string field values escape double quote and backslash. TDengine removes the backslash of
 * each such pair, left to right, so every backslash is written doubled (a lone one before another character would
 * be kept too, but one before a backslash would not).
 *
 * <p>TDengine finds where a name or tag value ends without pairing: a separator preceded by a backslash ends it
 * anyway when one more backslash precedes that one, so {@code a\\ b} is {@code a\} and then {@code b}, and
 * {@code a\\\ b} ends before the space too. A backslash directly before a comma or space (and, outside the measurement, an equal
 * sign) therefore cannot be written in any spelling, and neither can a line break in the measurement, a key or a
 * tag value (outside quotes a line feed ends the line whatever precedes it, and TDengine's raw-text splitting and
 * key parser carry neither line feeds nor carriage returns there); both are reported as
 * {@link UnsupportedValueException}. A backslash at the end is written {@code \\} and stored as one.
 *
 * <p>A string field value may hold line feeds and carriage returns: TDengine has no escape for them, so they are
 * written raw inside the quotes, and a reader must split lines only outside quoted strings. TDengine's native
 * schemaless writer (one line per array element) stores them exactly; its raw-text writers (WebSocket, REST)
 * split their input at every line feed, quoted or not, so such a line can only be written natively. A carriage
 * return inside the quotes is stored exactly over native and WebSocket. Everything is appended in place, without
 * intermediate strings.
 */
public final class LineEscaper {

    private LineEscaper() {}

    /** Appends a measurement (super table name), escaping comma, space and backslash. */
    public static void appendMeasurement(StringBuilder out, CharSequence text) {
        requireNonEmpty(text, "measurement");
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == ',' || c == ' ') {
                out.append('\\');
            } else if (c == '\\') {
                rejectBackslashBeforeSeparator(text, i, "measurement", ", ");
                out.append('\\');
            } else {
                rejectLineBreak(c, "measurement");
            }
            out.append(c);
        }
    }

    /** Appends a tag key, a tag value or a field key, escaping comma, equal sign, space and backslash. */
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
            } else if (c == '\\') {
                rejectBackslashBeforeSeparator(text, i, what, ",= ");
                out.append('\\');
            } else {
                rejectLineBreak(c, what);
            }
            out.append(c);
        }
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
        return c != ',' && c != '=' && c != ' ' && c != '\\' && c != '\n' && c != '\r';
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
            throw new UnsupportedValueException(
                    what + " contains a line break, which ends a line-protocol line" + " and has no escape");
        }
    }

    /** TDengine ends the name at a separator after an escaped backslash, so no spelling keeps both. */
    private static void rejectBackslashBeforeSeparator(CharSequence text, int i, String what, String separators) {
        if (i + 1 < text.length() && separators.indexOf(text.charAt(i + 1)) >= 0) {
            throw new UnsupportedValueException(what + " has a backslash before '" + text.charAt(i + 1) + "', which"
                    + " TDengine's line protocol cannot carry: the escaped backslash ends the " + what + " there");
        }
    }
}
