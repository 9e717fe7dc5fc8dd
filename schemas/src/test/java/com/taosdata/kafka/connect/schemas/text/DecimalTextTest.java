package com.taosdata.kafka.connect.schemas.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecimalTextTest {

    @ParameterizedTest
    @CsvSource({
        "219.123456, 219.123456",
        "-3.5, -3.5",
        "219, 219.0",
        "0.001, 0.001",
        "0.005, 0.005",
        "1.0001, 1.0001",
        "9999999.5, 9999999.5",
        "0.30000000000000004, 0.30000000000000004",
        "1e7, 1.0E7",
        "1e-4, 1.0E-4",
        "-0.0, -0.0",
        "0, 0.0",
        "NaN, NaN",
        "-Infinity, -Infinity"
    })
    void writesWhatDoubleToStringWrites(double value, String text) {
        assertThat(text(value)).isEqualTo(text).isEqualTo(Double.toString(value));
    }

    /** The point goes in counted from the end, so text already in the builder stays as it is. */
    @ParameterizedTest
    @CsvSource({"219.123456", "-3.5", "0.05", "-0.001", "1234567.25"})
    void appendsAfterWhatTheBuilderHolds(double value) {
        StringBuilder out = new StringBuilder("x=1.5,y=");
        DecimalText.appendDouble(out, value);
        assertThat(out).hasToString("x=1.5,y=" + Double.toString(value));
    }

    /** Any double: the same text as Double.toString, or a shorter one that reads back as the same double. */
    @Property(tries = 5000)
    void readsBackAsTheSameDouble(@ForAll("doubles") double value) {
        String ours = text(value);
        String jdk = Double.toString(value);
        Statistics.label("text").collect(ours.equals(jdk) ? "as Double.toString" : "shorter");
        Statistics.label("written").collect(fromScaledDigits(value, jdk) ? "from scaled digits" : "by Double.toString");
        assertThat(Double.doubleToLongBits(Double.parseDouble(ours))).isEqualTo(Double.doubleToLongBits(value));
        assertThat(ours.equals(jdk) || ours.length() < jdk.length())
                .as("%s against %s", ours, jdk)
                .isTrue();
        Statistics.label("written")
                .coverage(coverage -> coverage.check("from scaled digits").percentage(p -> p > 30));
    }

    /**
     * DecimalText tests one scale, the widest, and takes the trailing zeros off: the text must be the one a test at
     * every scale from 0 up finds first ({@link #smallestExactScale}), with no zero left behind and none too many
     * taken off (a value like 1200.0 or 0.5 at its widest scale ends in fourteen zeros).
     */
    @Property(tries = 5000)
    void writesTheSmallestScaleThatIsExact(@ForAll("doubles") double value) {
        assertThat(text(value)).isEqualTo(smallestExactScale(value));
    }

    @ParameterizedTest
    @CsvSource({"1200, 1200.0", "0.5, 0.5", "1000000.0, 1000000.0", "0.001, 0.001", "9999999.99999999, 9999999.99999999"
    })
    void takesOffEveryTrailingZeroButTheOneAfterThePoint(double value, String text) {
        assertThat(text(value)).isEqualTo(text).isEqualTo(smallestExactScale(value));
    }

    /** Sensor readings: a few decimals, both signs, over the whole plain range, beside arbitrary doubles. */
    @Provide
    Arbitrary<Double> doubles() {
        Arbitrary<Double> readings = Arbitraries.longs()
                .between(-9_999_999_999L, 9_999_999_999L)
                .flatMap(digits -> Arbitraries.integers().between(0, 12).map(scale -> digits / Math.pow(10, scale)));
        return Arbitraries.oneOf(readings, readings, Arbitraries.doubles(), Arbitraries.of(0.1, 1e-3, 1e7 - 1e-9));
    }

    /** Whether the value is one DecimalText writes itself: in the plain range, with at most 15 digits. */
    private static boolean fromScaledDigits(double value, String jdk) {
        double magnitude = Math.abs(value);
        return magnitude >= 1e-3
                && magnitude < 1e7
                && new BigDecimal(jdk).stripTrailingZeros().precision() <= 15;
    }

    /**
     * The reference: every scale from 0 up until the digits no longer fit in 15, the first at which
     * {@code digits / 10^scale} is the value; written with BigDecimal, otherwise Double.toString.
     */
    private static String smallestExactScale(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-3 && magnitude < 1e7) {
            for (int scale = 0; scale <= 15; scale++) {
                double digits = Math.rint(magnitude * Math.pow(10, scale));
                if (digits > 999_999_999_999_999d) {
                    break;
                }
                if (digits / Math.pow(10, scale) == magnitude) {
                    String text = BigDecimal.valueOf((long) digits, scale).toPlainString();
                    return (value < 0 ? "-" : "") + (scale == 0 ? text + ".0" : text);
                }
            }
        }
        return Double.toString(value);
    }

    private static String text(double value) {
        StringBuilder out = new StringBuilder();
        DecimalText.appendDouble(out, value);
        return out.toString();
    }
}
