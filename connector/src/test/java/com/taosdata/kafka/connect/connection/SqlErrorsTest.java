package com.taosdata.kafka.connect.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class SqlErrorsTest {

    @Test
    void theVendorCodeIsKeptAndClassified() {
        SQLException cause = new SQLException("TDengine ERROR (0x80003002): invalid data", "", 0x80003002);

        TDengineException e = SqlErrors.translate("writing", cause);

        assertThat(e.code()).isEqualTo(0x80003002);
        assertThat(e.kind()).isEqualTo(ErrorKind.DATA);
        assertThat(e).hasMessage("writing failed: TDengine ERROR (0x80003002): invalid data").hasCause(cause);
    }

    @Test
    void aDriverCodeWithoutServerFlagIsClassifiedToo() {
        assertThat(SqlErrors.translate("writing", new SQLException("closed", "", 0x2301)).kind()).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(SqlErrors.translate("writing", new SQLException("auth", "", 0x80000357)).kind()).isEqualTo(ErrorKind.FATAL);
    }

    @Test
    void anExceptionWithoutCodeIsTransient() {
        TDengineException e = SqlErrors.translate("connecting", new SQLException("Connection reset"));

        assertThat(e.code()).isZero();
        assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(e).hasMessageContaining("connecting failed: Connection reset");
    }
}
