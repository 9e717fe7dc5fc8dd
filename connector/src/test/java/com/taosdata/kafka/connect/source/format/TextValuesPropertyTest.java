package com.taosdata.kafka.connect.source.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The plain text of a float or double: its shortest decimal digits, without exponent or trailing zeros. */
class TextValuesPropertyTest {

    @Property
    void doubleIsItsShortestDigitsWithoutExponent(@ForAll double value) {
        assertThat(TextValues.plain(value)).isEqualTo(reference(Double.toString(value)));
    }

    @Property
    void doubleOfEverydayMagnitudeIsItsShortestDigitsWithoutExponent(
            @ForAll @DoubleRange(min = -1e8, max = 1e8) double value) {
        assertThat(TextValues.plain(value)).isEqualTo(reference(Double.toString(value)));
    }

    /** Measurements as devices report them, a few decimals: written without Double.toString, to the same text. */
    @Property(tries = 10_000)
    void doubleWithFewDecimalsIsItsShortestDigitsWithoutExponent(
            @ForAll @LongRange(min = -100_000_000_000_000L, max = 100_000_000_000_000L) long whole,
            @ForAll @IntRange(min = 0, max = 9) int decimals) {
        double value = whole / Math.pow(10, decimals);
        assertThat(TextValues.plain(value)).isEqualTo(reference(Double.toString(value)));
        assertThat(Double.parseDouble(TextValues.plain(value))).isEqualTo(value == 0 ? 0.0 : value);
    }

    @Property(tries = 10_000)
    void doubleOfFewDigitsIsItsShortestDigitsWithoutExponent(
            @ForAll @IntRange(min = -99_999, max = 99_999) int digits,
            @ForAll @IntRange(min = 0, max = 12) int decimals) {
        double value = digits / Math.pow(10, decimals);
        assertThat(TextValues.plain(value)).isEqualTo(reference(Double.toString(value)));
    }

    @Property
    void appendedAfterOtherTextAsWhenWrittenAlone(
            @ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long whole,
            @ForAll @IntRange(min = 0, max = 9) int decimals,
            @ForAll double any) {
        double fewDecimals = whole / Math.pow(10, decimals);
        for (double value : new double[] {fewDecimals, any}) {
            StringBuilder line = new StringBuilder("current=");
            TextValues.appendPlain(line, value);
            assertThat(line).hasToString("current=" + TextValues.plain(value));
        }
    }

    @Property
    void floatIsItsShortestDigitsWithoutExponent(@ForAll float value) {
        assertThat(TextValues.plain(value)).isEqualTo(reference(Float.toString(value)));
    }

    @Property
    void plainTextReadsBackAsTheSameDouble(@ForAll double value) {
        assertThat(Double.parseDouble(TextValues.plain(value))).isEqualTo(value == 0 ? 0.0 : value);
    }

    private static String reference(String shortest) {
        return new BigDecimal(shortest).stripTrailingZeros().toPlainString();
    }
}
