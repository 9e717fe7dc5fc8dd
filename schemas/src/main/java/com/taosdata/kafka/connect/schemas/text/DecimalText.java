package com.taosdata.kafka.connect.schemas.text;

/**
 * A double as the text {@link Double#toString(double)} writes, without its cost for the values sensors send: a
 * number with at most 15 significant digits and a magnitude from 10<sup>-3</sup> up to 10<sup>7</sup> (the range
 * Double.toString writes without an exponent) is written from the smallest decimal scale at which it is an exact
 * quotient of integers; every other value is left to Double.toString. JDK 17's Double.toString was the line
 * encoder's most expensive call.
 *
 * <p>The text reads back as the same double: {@code digits / 10^scale}, with both operands exact in a double
 * ({@code digits < 2^53}, {@code 10^scale ≤ 10^15}), is one correctly rounded division, which is what parsing the
 * decimal {@code digits × 10^-scale} yields.
 */
public final class DecimalText {

    private static final int MAX_SCALE = 15;
    private static final double MAX_DIGITS = 999_999_999_999_999d;
    /**
     * How far from an integer a scaled value can be when its decimal is the double: the double's own rounding
     * and the scaling's, each half an ulp (2<sup>-53</sup> relative), with room to spare.
     */
    private static final double NEAR_INTEGER = 0x1p-50;

    private static final double[] POWERS = new double[MAX_SCALE + 1];
    private static final long[] LONG_POWERS = new long[MAX_SCALE + 1];

    static {
        long power = 1;
        for (int scale = 0; scale <= MAX_SCALE; scale++) {
            LONG_POWERS[scale] = power;
            POWERS[scale] = power;
            power *= 10;
        }
    }

    private DecimalText() {}

    /** Appends {@code value} as Double.toString would, finite or not. */
    public static void appendDouble(StringBuilder out, double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-3 && magnitude < 1e7) {
            int scale = widestScale(magnitude);
            double scaled = magnitude * POWERS[scale];
            double digits = Math.rint(scaled);
            // a few ulps from an integer first: the exact check divides
            if (Math.abs(scaled - digits) <= scaled * NEAR_INTEGER && digits / POWERS[scale] == magnitude) {
                appendScaled(out, value < 0, (long) digits, scale);
                return;
            }
        }
        out.append(value);
    }

    /**
     * The largest scale at which {@code magnitude} still has at most 15 digits. A value that is an exact quotient at
     * some scale is one at this scale too, with zeros appended (taken off again before writing): its
     * scaled value is below 10<sup>15</sup>, so the scaling's error stays far below one half. One test at this
     * scale replaces a test at every scale from 0 up, which cost a multiplication and a rounding per digit.
     */
    private static int widestScale(double magnitude) {
        int scale = MAX_SCALE;
        while (magnitude * POWERS[scale] > MAX_DIGITS) {
            scale--;
        }
        return scale;
    }

    /**
     * {@code digits × 10^-scale} with at least one fraction digit, as Double.toString writes {@code 219.0}, and no
     * trailing zero beyond it.
     */
    private static void appendScaled(StringBuilder out, boolean negative, long scaledDigits, int widestScale) {
        long digits = scaledDigits;
        int scale = widestScale;
        // at most 15 zeros come off: 8, 4, 2 and 1 at a time take any number of them in four tests, each a
        // division by a constant, which the compiler turns into a multiplication. The first needs no test of the
        // scale: below 10^7 it is 8 or more, except just below 10^7, where no 8 zeros end the digits
        if (digits % 100_000_000 == 0) {
            digits /= 100_000_000;
            scale -= 8;
        }
        if (scale >= 4 && digits % 10_000 == 0) {
            digits /= 10_000;
            scale -= 4;
        }
        if (scale >= 2 && digits % 100 == 0) {
            digits /= 100;
            scale -= 2;
        }
        if (scale >= 1 && digits % 10 == 0) {
            digits /= 10;
            scale -= 1;
        }
        if (negative) {
            out.append('-');
        }
        if (scale == 0) {
            out.append(digits).append(".0");
            return;
        }
        long unit = LONG_POWERS[scale];
        if (digits >= unit) {
            // all digits as one number and the point put in: no division, one conversion instead of two
            out.append(digits);
            out.insert(out.length() - scale, '.');
            return;
        }
        out.append("0.");
        for (long place = unit / 10; place > digits; place /= 10) {
            out.append('0');
        }
        out.append(digits);
    }
}
