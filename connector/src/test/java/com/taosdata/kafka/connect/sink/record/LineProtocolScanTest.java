package com.taosdata.kafka.connect.sink.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a line lacking a timestamp needs one: the end of its field set; -1 when it has one or cannot take one. */
class LineProtocolScanTest {

    private static int missingAt(String line) {
        return LineProtocolScan.timestampMissingAt(line);
    }

    @Test
    void aLineWithATimestampNeedsNone() {
        assertThat(missingAt("meters,location=x current=1.5 1648432611249000000"))
                .isEqualTo(-1);
        assertThat(missingAt("m f=1,g=2i  1")).isEqualTo(-1);
    }

    @Test
    void aLineWithoutATimestampNeedsOneAtItsEnd() {
        assertThat(missingAt("meters,location=x current=1.5")).isEqualTo(29);
        assertThat(missingAt("m f=1,g=true")).isEqualTo(12);
    }

    @Test
    void escapedSpacesAndCommasInTheMeasurementAndTagsAreNoSeparators() {
        assertThat(missingAt("my\\ meters,site=a\\ b\\,c f=1")).isEqualTo(27);
        assertThat(missingAt("my\\ meters,site=a\\ b\\,c f=1 5")).isEqualTo(-1);
        assertThat(missingAt("m,t\\ k=v\\ 1 f=1")).isEqualTo(15);
    }

    @Test
    void aSeparatorAfterAnEscapedBackslashInANameOrTagValueSeparatesAsInTDengine() {
        // TDengine reads m\\,t=a\\ f=1 as measurement m\, tag value a\ and field f
        assertThat(missingAt("m\\\\,t=a\\\\ f=1")).isEqualTo(13);
        // ... and m,t=a\\ b f=1 as tag value a\ followed by "b" where the field set should be, as with three
        assertThat(missingAt("m,t=a\\\\ b f=1")).isEqualTo(-1);
        assertThat(missingAt("m,t=a\\\\\\ b f=1")).isEqualTo(-1);
        // ... and m k\\=1 as field k\ = 1
        assertThat(missingAt("m k\\\\=1")).isEqualTo(7);
    }

    @Test
    void escapesInAFieldValuePairFromLeftToRight() {
        assertThat(missingAt("m f=a\\\\ 1")).isEqualTo(-1);
        assertThat(missingAt("m f=a\\\\\\ 1")).isEqualTo(10);
    }

    @Test
    void anEscapedSpaceOrEqualSignInAFieldKeyIsNoSeparator() {
        assertThat(missingAt("m my\\ f\\=x=1")).isEqualTo(12);
        assertThat(missingAt("m my\\ f\\=x=1 7")).isEqualTo(-1);
    }

    @Test
    void digitsAfterAnEscapedSpaceAreNoTimestampButAfterAnUnescapedOneTheyAre() {
        assertThat(missingAt("m f=a\\ 1")).isEqualTo(8);
        assertThat(missingAt("m s=\"x\",f=a\\  1")).isEqualTo(-1);
    }

    @Test
    void spacesCommasAndEqualSignsInsideAStringFieldValueAreText() {
        assertThat(missingAt("m s=\"a b 1\"")).isEqualTo(11);
        assertThat(missingAt("m s=\"a, b=1 2\",n=L\"x y\"")).isEqualTo(23);
        assertThat(missingAt("m s=\"a b\" 3")).isEqualTo(-1);
    }

    @Test
    void anEscapedQuoteInsideAStringDoesNotCloseIt() {
        assertThat(missingAt("m s=\"say \\\"hi 3\\\"\"")).isEqualTo(18);
        assertThat(missingAt("m s=\"say \\\"hi\\\" now\" 3")).isEqualTo(-1);
    }

    @Test
    void anEscapedBackslashBeforeAQuoteLetsTheQuoteCloseTheString() {
        assertThat(missingAt("m s=\"dir\\\\\"")).isEqualTo(11);
        assertThat(missingAt("m s=\"dir\\\\\" 4")).isEqualTo(-1);
    }

    @Test
    void aLineFeedInsideAStringIsText() {
        assertThat(missingAt("m s=\"one\ntwo 2\"")).isEqualTo(15);
    }

    @Test
    void spacesAfterTheFieldSetWithoutATimestampLeaveItMissing() {
        assertThat(missingAt("m f=1 ")).isEqualTo(5);
        assertThat(missingAt("m f=1   ")).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"m f=1 \t9", "m f=1 \r", "m f=1 \r9", "m f=1 \t 9", "m f=1 \r  9"})
    void otherWhitespaceWhereTheTimestampStartsIsNoTimestamp(String line) {
        // TDengine's timestamp runs to the first isspace() character: here it is empty, and TDengine's clock is used.
        assertThat(missingAt(line)).isEqualTo(5);
    }

    @Test
    void spacesBeforeTheMeasurementAndBeforeTheFieldsAreSkipped() {
        assertThat(missingAt("  m,t=a   f=1")).isEqualTo(13);
        assertThat(missingAt("  m,t=a   f=1 2")).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "# m f=1",
                "#m,t=a s=\"x\"",
                "m",
                "m,t=a",
                "m,t=a ",
                "m f",
                "m f=1,",
                "m s=\"open",
                "m s=\"open 1",
                "m k v"
            })
    void commentsAndLinesWithoutACompleteFieldSetTakeNone(String line) {
        assertThat(missingAt(line)).isEqualTo(-1);
    }
}
