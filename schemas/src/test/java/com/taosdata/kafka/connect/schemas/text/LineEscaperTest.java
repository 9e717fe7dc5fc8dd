package com.taosdata.kafka.connect.schemas.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LineEscaperTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "'my meas'|'my\\ meas'",
                "'a,b'|'a\\,b'",
                "'a=b'|'a=b'",
                "'q\"x'|'q\"x'",
                "'back\\slash'|'back\\\\slash'",
                "'two\\\\b'|'two\\\\\\\\b'",
                "'a\\=b'|'a\\\\=b'",
                "'ends\\'|'ends\\\\'",
                "'\\'|'\\\\'",
                "'北京.海淀'|'北京.海淀'"
            })
    void measurementEscapesCommaSpaceAndBackslash(String raw, String escaped) {
        StringBuilder out = new StringBuilder();
        LineEscaper.appendMeasurement(out, raw);
        assertThat(out).hasToString(escaped);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "'a b'|'a\\ b'",
                "'a,b'|'a\\,b'",
                "'a=b'|'a\\=b'",
                "'q\"x'|'q\"x'",
                "'back\\slash'|'back\\\\slash'",
                "'two\\\\b'|'two\\\\\\\\b'",
                "'ends\\'|'ends\\\\'",
                "'\\'|'\\\\'",
                "'dev.id'|'dev.id'"
            })
    void keysAndTagValuesEscapeCommaEqualsSpaceAndBackslash(String raw, String escaped) {
        StringBuilder out = new StringBuilder();
        LineEscaper.appendKey(out, raw, "tag value");
        assertThat(out).hasToString(escaped);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "'he said \"hi\"'|'he said \\\"hi\\\"'",
                "'back\\slash'|'back\\\\slash'",
                "'ends\\'|'ends\\\\'",
                "'a, b=c'|'a, b=c'"
            })
    void stringValuesEscapeQuoteAndBackslash(String raw, String escaped) {
        StringBuilder out = new StringBuilder();
        LineEscaper.appendFieldString(out, raw);
        assertThat(out).hasToString(escaped);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\\ b", "a\\,b", "a\\=b", "\\ ", "a\\\\,b", "x\\="})
    void aBackslashBeforeASeparatorCannotBeWrittenInAKeyOrTagValue(String raw) {
        for (String what : new String[] {"tag key", "tag value", "field key"}) {
            assertThatThrownBy(() -> LineEscaper.appendKey(new StringBuilder(), raw, what))
                    .isInstanceOf(UnsupportedValueException.class)
                    .hasMessageContaining(what + " has a backslash before");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\\ b", "a\\,b", "\\,", "a\\\\ b"})
    void aBackslashBeforeACommaOrSpaceCannotBeWrittenInTheMeasurement(String raw) {
        assertThatThrownBy(() -> LineEscaper.appendMeasurement(new StringBuilder(), raw))
                .isInstanceOf(UnsupportedValueException.class)
                .hasMessageContaining("measurement has a backslash before");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\rb", "\n", "ends\r\n"})
    void lineBreaksCannotBeWrittenInTheMeasurementKeysOrTagValues(String raw) {
        for (String what : new String[] {"tag key", "tag value", "field key"}) {
            assertThatThrownBy(() -> LineEscaper.appendKey(new StringBuilder(), raw, what))
                    .isInstanceOf(UnsupportedValueException.class)
                    .hasMessageContaining(what + " contains a line break");
        }
        assertThatThrownBy(() -> LineEscaper.appendMeasurement(new StringBuilder(), raw))
                .isInstanceOf(UnsupportedValueException.class)
                .hasMessageContaining("measurement contains a line break");
    }

    @Test
    void lineBreaksInStringValuesAreWrittenRawBecauseTheyHaveNoEscape() {
        assertThat(fieldString("one\ntwo")).isEqualTo("one\ntwo");
        assertThat(fieldString("one\rtwo")).isEqualTo("one\rtwo");
        assertThat(fieldString("crlf\r\n")).isEqualTo("crlf\r\n");
        assertThat(fieldString("\n")).isEqualTo("\n");
        assertThat(fieldString("q\"\n\\")).isEqualTo("q\\\"\n\\\\");
    }

    @Test
    void emptyNamesCannotBeWritten() {
        assertThatThrownBy(() -> LineEscaper.appendKey(new StringBuilder(), "", "tag key"))
                .isInstanceOf(UnsupportedValueException.class)
                .hasMessageContaining("empty tag key");
        assertThatThrownBy(() -> LineEscaper.appendMeasurement(new StringBuilder(), ""))
                .isInstanceOf(UnsupportedValueException.class);
    }

    /** Every ASCII character and a few beyond (Latin-1 and not), inside a String and inside a StringBuilder (a rendered tag value). */
    @Test
    void onlyTheSpecialCharactersOfEachPartAreEscapedOrRefused() {
        for (char c = 0; c < 260; c = c == 127 ? 255 : (char) (c + 1)) {
            String raw = "x" + c + "y";
            for (CharSequence text : new CharSequence[] {raw, new StringBuilder(raw)}) {
                assertEscaped(c, text, ",= ", out -> LineEscaper.appendKey(out, text, "tag value"));
                assertEscaped(c, text, ", ", out -> LineEscaper.appendMeasurement(out, text));
            }
        }
    }

    private static void assertEscaped(char c, CharSequence text, String escaped, Consumer<StringBuilder> append) {
        StringBuilder out = new StringBuilder("m=");
        if (c == '\n' || c == '\r') {
            assertThatThrownBy(() -> append.accept(out))
                    .as("character %d", (int) c)
                    .isInstanceOf(UnsupportedValueException.class);
            return;
        }
        append.accept(out);
        String expected = escaped.indexOf(c) >= 0 || c == '\\' ? "x\\" + c + "y" : "x" + c + "y";
        assertThat(out)
                .as("character %d in a %s", (int) c, text.getClass().getSimpleName())
                .hasToString("m=" + expected);
    }

    private static String fieldString(String raw) {
        StringBuilder out = new StringBuilder();
        LineEscaper.appendFieldString(out, raw);
        return out.toString();
    }
}
