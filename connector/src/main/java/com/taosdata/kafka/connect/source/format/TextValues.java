package com.taosdata.kafka.connect.source.format;

import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import com.taosdata.kafka.connect.schemas.text.DecimalText;
import java.math.BigDecimal;
import java.util.Date;

/** Text forms of Connect values shared by the line and JSON formatters. */
final class TextValues {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TextValues() {}

    /**
     * Appends {@link #plain}. A double from 10^-3 up to 10^7, which {@link Double#toString} writes without exponent, is
     * written by {@link DecimalText} without a String of its own ({@code Double.toString}'s buffers came up in a JFR
     * profile of query mode, 8% of the reading thread); only a whole number's ".0" goes.
     */
    static void appendPlain(StringBuilder out, Number floating) {
        double value = floating.doubleValue();
        double magnitude = Math.abs(value);
        if (floating instanceof Float || !(magnitude >= 1e-3 && magnitude < 1e7)) {
            out.append(shortestPlain(floating));
            return;
        }
        DecimalText.appendDouble(out, value);
        int length = out.length();
        if (out.charAt(length - 1) == '0' && out.charAt(length - 2) == '.') {
            out.setLength(length - 2);
        }
    }

    /** A finite float or double without exponent, e.g. {@code 0.00001}; TDengine's parsers need no more. */
    static String plain(Number floating) {
        StringBuilder out = new StringBuilder(24);
        appendPlain(out, floating);
        return out.toString();
    }

    private static String shortestPlain(Number floating) {
        double value = floating.doubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new UnsupportedValueException(value + " has no representation in line protocol");
        }
        // Float.toString gives the shortest text that reads back as the same float, without float-to-double noise.
        String shortest = floating instanceof Float ? Float.toString((Float) floating) : Double.toString(value);
        if (shortest.indexOf('E') < 0 && value != 0) {
            // Already plain (magnitudes from 10^-3 to 10^7): only a whole number's ".0" goes.
            return shortest.endsWith(".0") ? shortest.substring(0, shortest.length() - 2) : shortest;
        }
        return new BigDecimal(shortest).stripTrailingZeros().toPlainString();
    }

    /** {@code \x} followed by lower-case hex digits, TDengine's literal form of binary data. */
    static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder(2 + bytes.length * 2).append("\\x");
        for (byte b : bytes) {
            out.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
        return out.toString();
    }

    /** A Connect timestamp value (a Date in a millisecond database, else a count) converted to {@code unit}. */
    static long timestamp(Object connectValue, TimestampUnit databaseUnit, TimestampUnit unit) {
        if (connectValue instanceof Date) {
            return unit.convert(((Date) connectValue).getTime(), TimestampUnit.MS);
        }
        return unit.convert(((Number) connectValue).longValue(), databaseUnit);
    }
}
