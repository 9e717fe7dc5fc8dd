package com.taosdata.kafka.connect.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class TDengineExceptionTest {

    @Test
    void fromCodeClassifiesAndShowsTheCodeInHex() {
        IOException cause = new IOException("x");

        TDengineException e = TDengineException.fromCode(0x80003002, "invalid data", cause);

        assertThat(e.code()).isEqualTo(0x80003002);
        assertThat(e.kind()).isEqualTo(ErrorKind.DATA);
        assertThat(e).hasMessage("TDengine error 0x80003002: invalid data").hasCause(cause);
    }

    @Test
    void transientFailureHasNoCode() {
        TDengineException e = TDengineException.transientFailure("connection refused", null);

        assertThat(e.code()).isZero();
        assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(e).hasMessage("connection refused");
    }
}
