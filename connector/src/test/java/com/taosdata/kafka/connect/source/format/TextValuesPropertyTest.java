package com.taosdata.kafka.connect.source.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

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
