package com.taosdata.kafka.connect.source.format;

import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import java.math.BigDecimal;
import java.util.Date;

/** Text forms of Connect values shared by the line and JSON formatters. */
final class TextValues {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** Decimals {@link #fewDecimals} tries: with magnitudes below 10^7, {@code m} stays below 10^15, exact in a double. */
    private static final int MAX_DECIMALS = 8;

    private static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};

    private TextValues() {}

    /** Appends {@link #plain}: a double of few decimals straight into {@code out}, without a String of its own. */
    static void appendPlain(StringBuilder out, Number floating) {
        if (!(floating instanceof Float)) {
            double value = floating.doubleValue();
            if (appendFewDecimals(out, value)) {
                return;
            }
        }
        out.append(plain(floating));
    }

    /** A finite float or double without exponent, e.g. {@code 0.00001}; TDengine's parsers need no more. */
    static String plain(Number floating) {
        double value = floating.doubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new UnsupportedValueException(value + " has no representation in line protocol");
        }
        if (!(floating instanceof Float)) {
            StringBuilder few = new StringBuilder(24);
            if (appendFewDecimals(few, value)) {
                return few.toString();
            }
        }
        // Float.toString gives the shortest text that reads back as the same float, without float-to-double noise.
        String shortest = floating instanceof Float ? Float.toString((Float) floating) : Double.toString(value);
        if (shortest.indexOf('E') < 0 && value != 0) {
            // Already plain (magnitudes from 10^-3 to 10^7): only a whole number's ".0" goes.
            return shortest.endsWith(".0") ? shortest.substring(0, shortest.length() - 2) : shortest;
        }
        return new BigDecimal(shortest).stripTrailingZeros().toPlainString();
    }

    /**
     * Appends the digits of a double that is {@code m / 10^k} for a whole {@code m} and at most
     * {@value #MAX_DECIMALS} decimals {@code k}, with the fewest such decimals; {@code false} (nothing appended) for
     * any other: most measurements (10.5, 0.31) are written without {@link Double#toString}, whose buffers came up in
     * a JFR profile of query mode (8% of the reading thread). The text reads back as the same double: {@code m} and
     * {@code 10^k} are exact doubles, so their quotient is the double nearest {@code m / 10^k}, as parsing the text
     * gives; with the fewest decimals it is also the shortest such text, the digits {@code Double.toString} gives (a
     * property test holds the two equal).
     */
    private static boolean appendFewDecimals(StringBuilder out, double value) {
        double magnitude = Math.abs(value);
        if (!(magnitude >= 1e-3 && magnitude < 1e7)) {
            return false;
        }
        for (int k = 0; k <= MAX_DECIMALS; k++) {
            long m = Math.round(value * POWERS_OF_TEN[k]);
            if (m / POWERS_OF_TEN[k] == value) {
                appendDecimal(out, m, k);
                return true;
            }
        }
        return false;
    }

    /** Appends {@code m / 10^k}, e.g. {@code -0.05} for {@code -5} and {@code 2}; {@code m} has no trailing zero. */
    private static void appendDecimal(StringBuilder out, long m, int k) {
        long scale = (long) POWERS_OF_TEN[k];
        long whole = m / scale;
        if (m < 0 && whole == 0) {
            out.append('-');
        }
        out.append(whole);
        if (k == 0) {
            return;
        }
        out.append('.');
        long fraction = Math.abs(m % scale);
        for (long digit = scale / 10; digit > fraction; digit /= 10) {
            out.append('0');
        }
        out.append(fraction);
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
