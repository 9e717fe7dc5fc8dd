package com.taosdata.kafka.connect.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.connection.ErrorKind;
import com.taosdata.kafka.connect.connection.TDengineException;
import org.junit.jupiter.api.Test;

class TaosAdapterErrorParserTest {

    @Test
    void restStyleAnswersCarryTheTDengineCode() {
        TDengineException e =
                TaosAdapterErrorParser.fromResponse("write", 400, "{\"code\":12290,\"desc\":\"invalid data\"}");

        assertThat(e.code()).isEqualTo(0x3002);
        assertThat(e.kind()).isEqualTo(ErrorKind.DATA);
        assertThat(e)
                .hasMessageContaining("0x3002")
                .hasMessageContaining("invalid data")
                .hasMessageContaining("HTTP 400");
    }

    @Test
    void aCodeWithTheServerFlagAsAnUnsignedNumberKeepsItsBits() {
        TDengineException e = TaosAdapterErrorParser.fromResponse(
                "write", 500, "{\"code\":2147484566,\"desc\":\"Database in creating status\"}");

        assertThat(e.code()).isEqualTo(0x80000396);
        assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
    }

    @Test
    void influxEndpointAnswersCarryTheCodeInTheMessage() {
        TDengineException e = TaosAdapterErrorParser.fromResponse(
                "write", 500, "{\"code\":\"internal error\",\"message\":\"[0x3002] invalid data: t=\"}");

        assertThat(e.code()).isEqualTo(0x3002);
        assertThat(e.kind()).isEqualTo(ErrorKind.DATA);
        assertThat(e).hasMessageContaining("invalid data: t=");
    }

    @Test
    void openTsdbEndpointAnswersCarryTheHttpStatusAsCodeAndTheTDengineCodeInTheMessage() {
        TDengineException e = TaosAdapterErrorParser.fromResponse(
                "write", 500, "{\"code\":500,\"message\":\"[0x60b] Timestamp data out of range\"}");

        assertThat(e.code()).isEqualTo(0x060B);
        assertThat(e.kind()).isEqualTo(ErrorKind.DATA);
    }

    @Test
    void aBracketedCodeDecidesOverTheHttpStatus() {
        TDengineException auth = TaosAdapterErrorParser.fromResponse(
                "w", 500, "{\"code\":\"internal error\",\"message\":\"[0x357] Authentication failure\"}");
        TDengineException creating = TaosAdapterErrorParser.fromResponse(
                "w", 500, "{\"code\":500,\"message\":\"[0x396] Database in creating status\"}");

        assertThat(auth.kind()).isEqualTo(ErrorKind.FATAL);
        assertThat(creating.kind()).isEqualTo(ErrorKind.TRANSIENT);
    }

    @Test
    void anAnswerWithoutTDengineCodeGoesByStatus() {
        assertThat(TaosAdapterErrorParser.fromResponse(
                                "w", 500, "{\"code\":\"internal error\",\"message\":\"connect failed\"}")
                        .kind())
                .isEqualTo(ErrorKind.TRANSIENT);
        assertThat(TaosAdapterErrorParser.fromResponse("w", 400, "{\"code\":400,\"message\":\"db required\"}")
                        .kind())
                .isEqualTo(ErrorKind.FATAL);
    }

    @Test
    void unauthorizedAndForbiddenAreFatalAndPointAtTheCredentialKeys() {
        for (int status : new int[] {401, 403}) {
            TDengineException e =
                    TaosAdapterErrorParser.fromResponse("w", status, "{\"code\":\"forbidden\",\"message\":\"auth\"}");

            assertThat(e.kind()).isEqualTo(ErrorKind.FATAL);
            assertThat(e).hasMessageContaining("connection.user").hasMessageContaining("connection.password");
        }
    }

    @Test
    void serverAndThrottlingStatusesAreTransient() {
        for (int status : new int[] {500, 502, 503, 504, 408, 429}) {
            assertThat(TaosAdapterErrorParser.fromResponse("w", status, "").kind())
                    .as("HTTP %d", status)
                    .isEqualTo(ErrorKind.TRANSIENT);
        }
    }

    @Test
    void nonJsonBodiesAreShownTruncated() {
        String page = "<html>" + "x".repeat(1000) + "</html>";

        TDengineException e = TaosAdapterErrorParser.fromResponse("write", 502, page);

        assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(e.getMessage())
                .contains("HTTP 502: <html>xxx")
                .doesNotContain("</html>")
                .hasSizeLessThan(600);
    }

    @Test
    void aJsonStringBodyGoesByStatus() {
        assertThat(TaosAdapterErrorParser.fromResponse("w", 503, "\"memory exceeds threshold\"")
                        .kind())
                .isEqualTo(ErrorKind.TRANSIENT);
    }

    @Test
    void otherClientErrorsAreFatal() {
        assertThat(TaosAdapterErrorParser.fromResponse("w", 404, "404 page not found")
                        .kind())
                .isEqualTo(ErrorKind.FATAL);
        assertThat(TaosAdapterErrorParser.fromResponse("w", 400, null).getMessage())
                .endsWith("HTTP 400");
    }
}
