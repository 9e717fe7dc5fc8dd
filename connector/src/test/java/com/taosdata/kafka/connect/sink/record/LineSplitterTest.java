package com.taosdata.kafka.connect.sink.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineSplitterTest {

    /** Follows a line that must end at its line feed: a string wrongly opened there would close at this quote. */
    private static final String NEXT = "m s=\"y\" 2";

    @Test
    void aLineWithoutLineFeedIsOneLine() {
        assertThat(LineSplitter.lineProtocol("m,t=a s=\"x\" 1")).containsExactly("m,t=a s=\"x\" 1");
    }

    @Test
    void aLineFeedOutsideQuotesEndsTheLine() {
        assertThat(LineSplitter.lineProtocol("m f=1 1\nm f=2 2\nm f=3 3"))
                .containsExactly("m f=1 1", "m f=2 2", "m f=3 3");
    }

    @Test
    void aLineFeedInsideAStringFieldStaysInItsLine() {
        assertThat(LineSplitter.lineProtocol("m,t=a s=\"one\ntwo\",n=L\"x\ny\" 1796316133135000000\nm f=2 2"))
                .containsExactly("m,t=a s=\"one\ntwo\",n=L\"x\ny\" 1796316133135000000", "m f=2 2");
    }

    @Test
    void aStringMayHoldSeveralLineFeedsAndEndWithOne() {
        assertThat(LineSplitter.lineProtocol("m s=\"\n\na\n\" 1\n")).containsExactly("m s=\"\n\na\n\" 1");
    }

    @Test
    void anEscapedQuoteDoesNotCloseTheString() {
        assertThat(LineSplitter.lineProtocol("m s=\"say \\\"\nhi\\\"\" 1\nm f=2 2"))
                .containsExactly("m s=\"say \\\"\nhi\\\"\" 1", "m f=2 2");
    }

    @Test
    void anEscapedBackslashBeforeAQuoteLetsTheQuoteCloseTheString() {
        assertThat(LineSplitter.lineProtocol("m s=\"dir\\\\\" 1\nm s=\"x\" 2"))
                .containsExactly("m s=\"dir\\\\\" 1", "m s=\"x\" 2");
    }

    @Test
    void aQuoteInTheMeasurementOrATagIsLiteral() {
        assertThat(LineSplitter.lineProtocol("m\"x f=1 1\n" + NEXT)).containsExactly("m\"x f=1 1", NEXT);
        assertThat(LineSplitter.lineProtocol("m,t=a\"b f=1 1\n" + NEXT)).containsExactly("m,t=a\"b f=1 1", NEXT);
    }

    @Test
    void anEscapedSpaceInATagDoesNotStartTheFields() {
        assertThat(LineSplitter.lineProtocol("m,t=a\\ x,u=\"b f=1 1\n" + NEXT))
                .containsExactly("m,t=a\\ x,u=\"b f=1 1", NEXT);
    }

    @Test
    void anEscapedSpaceInTheMeasurementDoesNotStartTheFields() {
        assertThat(LineSplitter.lineProtocol("my\\ m,u=\"b f=1 1\n" + NEXT))
                .containsExactly("my\\ m,u=\"b f=1 1", NEXT);
    }

    @Test
    void aQuoteInAFieldKeyIsLiteral() {
        assertThat(LineSplitter.lineProtocol("m k\"ey=1 1\n" + NEXT)).containsExactly("m k\"ey=1 1", NEXT);
    }

    @Test
    void anEscapedQuoteInAnUnquotedFieldValueOpensNoString() {
        assertThat(LineSplitter.lineProtocol("m f=a\\\"b 1\n" + NEXT)).containsExactly("m f=a\\\"b 1", NEXT);
    }

    @Test
    void aQuoteInTheTimestampOpensNoString() {
        assertThat(LineSplitter.lineProtocol("m f=1 \"1\n" + NEXT)).containsExactly("m f=1 \"1", NEXT);
    }

    @Test
    void stringsOfLaterFieldsAreFoundAfterCommas() {
        assertThat(LineSplitter.lineProtocol("m a=1i32,b=\"x\ny\",c=\"z\" 1\nm f=2 2"))
                .containsExactly("m a=1i32,b=\"x\ny\",c=\"z\" 1", "m f=2 2");
    }

    @Test
    void spacesBeforeTheMeasurementAndBeforeTheFieldsAreSkipped() {
        assertThat(LineSplitter.lineProtocol("  m,t=\"a   s=\"x\ny\" 1\nm f=2 2"))
                .containsExactly("  m,t=\"a   s=\"x\ny\" 1", "m f=2 2");
    }

    @Test
    void aStringThatNeverClosesHoldsNoLineFeed() {
        assertThat(LineSplitter.lineProtocol("m s=\"open 1\nm f=2 2\nm f=3 3"))
                .containsExactly("m s=\"open 1", "m f=2 2", "m f=3 3");
    }

    @Test
    void aCommentEndsAtTheNextLineFeedWhateverItsQuotes() {
        assertThat(LineSplitter.lineProtocol("#m s=\"x\n" + NEXT)).containsExactly("#m s=\"x", NEXT);
    }

    @Test
    void crlfLineEndsAreStrippedButCarriageReturnsInsideStringsStay() {
        assertThat(LineSplitter.lineProtocol("m s=\"a\r\nb\r\" 1\r\nm f=2 2\r\n"))
                .containsExactly("m s=\"a\r\nb\r\" 1", "m f=2 2");
        assertThat(LineSplitter.lineProtocol("m f=1 1\r")).containsExactly("m f=1 1");
    }

    @Test
    void blankLinesAndATrailingLineFeedAreSkipped() {
        assertThat(LineSplitter.lineProtocol("\nm f=1 1\n\n   \n\r\n\tm s=\"\n\" 2\n\n"))
                .containsExactly("m f=1 1", "\tm s=\"\n\" 2");
        assertThat(LineSplitter.lineProtocol(" \n\r\n")).isEmpty();
        assertThat(LineSplitter.lineProtocol("")).isEmpty();
    }

    @Test
    void telnetSplitsAtEveryLineFeedQuotesOrNot() {
        assertThat(LineSplitter.telnet("m 1 \"a\nb\" t=x\r\n\nm 2 3 t=y\n"))
                .containsExactly("m 1 \"a", "b\" t=x", "m 2 3 t=y");
    }

    @Test
    void theFieldHoldingALineFeedIsNamedWithoutEscapes() {
        assertThat(LineSplitter.fieldHoldingLineFeed("m,t=a s=\"x\" 1")).isNull();
        assertThat(LineSplitter.fieldHoldingLineFeed("m,t=a\"b a=\"x\",note=\"one\ntwo\" 1"))
                .isEqualTo("note");
        assertThat(LineSplitter.fieldHoldingLineFeed("m a=\"x\ny\",b=\"z\nw\" 1"))
                .isEqualTo("a");
        assertThat(LineSplitter.fieldHoldingLineFeed("m my\\ n\\,o\\=te=L\"x\ny\" 1"))
                .isEqualTo("my n,o=te");
        assertThat(LineSplitter.fieldHoldingLineFeed("m dir\\\\x\\\\\\\\y\\q\\\\=\"x\ny\" 1"))
                .isEqualTo("dir\\x\\\\y\\q\\");
    }
}
