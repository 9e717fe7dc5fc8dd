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
            for (int scale = 0; scale <= MAX_SCALE; scale++) {
                double scaled = magnitude * POWERS[scale];
                if (scaled > MAX_DIGITS) {
                    break;
                }
                double digits = Math.rint(scaled);
                // a few ulps from an integer first: the exact check divides, and most scales fail the cheap one
                if (Math.abs(scaled - digits) <= scaled * NEAR_INTEGER && digits / POWERS[scale] == magnitude) {
                    appendScaled(out, value < 0, (long) digits, scale);
                    return;
                }
            }
        }
        out.append(value);
    }

    /** {@code digits × 10^-scale} with at least one fraction digit, as Double.toString writes {@code 219.0}. */
    private static void appendScaled(StringBuilder out, boolean negative, long digits, int scale) {
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
