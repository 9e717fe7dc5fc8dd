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

    /** The characters below 64 that a measurement escapes or refuses (a bit per character). */
    private static final long MEASUREMENT_SPECIALS = bits(", \n\r");

    /** The characters below 64 that a key or tag value escapes or refuses (a bit per character). */
    private static final long KEY_SPECIALS = bits(",= \n\r");

    private LineEscaper() {}

    private static long bits(String characters) {
        long bits = 0;
        for (int i = 0; i < characters.length(); i++) {
            bits |= 1L << characters.charAt(i);
        }
        return bits;
    }

    /** Appends a measurement (super table name), escaping comma, space and backslash. */
    public static void appendMeasurement(StringBuilder out, CharSequence text) {
        requireNonEmpty(text, "measurement");
        int length = text.length();
        int plain = plainPrefix(text, MEASUREMENT_SPECIALS);
        appendRange(out, text, plain);
        for (int i = plain; i < length; i++) {
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
        // Keys are mostly plain: copied at once rather than a character at a time (the encoders' hottest loop).
        int plain = plainPrefix(text, KEY_SPECIALS);
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

    /**
     * How many characters at the start of {@code text} need no escape and no check: none of {@code specials} (a set
     * of characters below 64) and no backslash. A String is read through its own type, so that the encoders'
     * hottest loop makes no interface call per character.
     */
    private static int plainPrefix(CharSequence text, long specials) {
        int length = text.length();
        int plain = 0;
        if (text instanceof String string) {
            while (plain < length && isPlain(string.charAt(plain), specials)) {
                plain++;
            }
        } else {
            while (plain < length && isPlain(text.charAt(plain), specials)) {
                plain++;
            }
        }
        return plain;
    }

    /** One test for letters and digits instead of one comparison per special character. */
    private static boolean isPlain(char c, long specials) {
        return c < 64 ? (specials & (1L << c)) == 0 : c != '\\';
    }

    /**
     * The first {@code end} characters of {@code text}; a whole String or StringBuilder (a rendered number) is
     * appended as one copy, where a range of a StringBuilder is copied a character at a time.
     */
    private static void appendRange(StringBuilder out, CharSequence text, int end) {
        if (end == text.length()) {
            out.append(text);
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
