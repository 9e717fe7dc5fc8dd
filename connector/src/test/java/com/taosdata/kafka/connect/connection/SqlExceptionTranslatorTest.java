package com.taosdata.kafka.connect.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SqlExceptionTranslatorTest {

    @Test
    void theVendorCodeIsKeptAndClassified() {
        SQLException cause = new SQLException("TDengine ERROR (0x80003002): invalid data", "", 0x80003002);

        TDengineException e = SqlExceptionTranslator.translate("writing", cause);

        assertThat(e.code()).isEqualTo(0x80003002);
        assertThat(e.kind()).isEqualTo(ErrorKind.DATA);
        assertThat(e)
                .hasMessage("writing failed: TDengine ERROR (0x80003002): invalid data")
                .hasCause(cause);
    }

    @Test
    void anInterruptTheDriverWrappedAndClearedIsSetAgain() {
        // What taos-jdbcdriver 3.7.3's WebSocket client throws for a call interrupted while it waits, flag cleared.
        SQLException wrapped = new SQLException("java.lang.InterruptedException", new InterruptedException());
        try {
            TDengineException e = SqlExceptionTranslator.translate("writing", wrapped);

            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
            assertThat(e).hasCause(wrapped);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aFailureWithoutAnInterruptAmongItsCausesLeavesTheFlagAlone() {
        SQLException refused = new SQLException("connect failed", new IOException("refused"));

        SqlExceptionTranslator.translate("writing", refused);

        assertThat(Thread.interrupted()).isFalse();
    }

    @Test
    void aDriverCodeWithoutServerFlagIsClassifiedToo() {
        assertThat(SqlExceptionTranslator.translate("writing", new SQLException("closed", "", 0x2301))
                        .kind())
                .isEqualTo(ErrorKind.TRANSIENT);
        assertThat(SqlExceptionTranslator.translate("writing", new SQLException("auth", "", 0x80000357))
                        .kind())
                .isEqualTo(ErrorKind.FATAL);
    }

    @Test
    void aFailedNativeConnectCarriesTheServersReasonOnlyAsTextAndGetsItsCodeBack() {
        SQLException wrongPassword = new SQLException("JNI ERROR (0x2354): Authentication failure", "", 0x2354);

        TDengineException e = SqlExceptionTranslator.translate("connecting", wrongPassword);

        assertThat(e.code()).isEqualTo(0x80000357);
        assertThat(e.kind()).isEqualTo(ErrorKind.FATAL);
        assertThat(ErrorCodes.isCredentialError(e.code())).isTrue();
        assertThat(e).hasMessage("connecting failed: JNI ERROR (0x2354): Authentication failure");
    }

    @Test
    void everyCredentialReasonOfANativeConnectIsACredentialError() {
        for (String reason : new String[] {
            "Authentication failure",
            "Invalid user",
            "User not available",
            "User is disabled",
            "Invalid user name",
            "Invalid password length"
        }) {
            TDengineException e = SqlExceptionTranslator.translate(
                    "connecting", new SQLException("JNI ERROR (0x2354): " + reason, "", 0x2354));
            assertThat(ErrorCodes.isCredentialError(e.code())).as(reason).isTrue();
            assertThat(e.kind()).as(reason).isEqualTo(ErrorKind.FATAL);
        }
    }

    @Test
    void aWebSocketConnectRejectedForItsCredentialsCarriesTheServerCodeOnlyAsText() {
        TDengineException wrongPassword = SqlExceptionTranslator.translate(
                "connecting", new SQLException("(0x357):auth failure:Authentication failure"));
        TDengineException noSuchUser =
                SqlExceptionTranslator.translate("connecting", new SQLException("(0x351):auth failure:Invalid user"));

        assertThat(wrongPassword.code()).isEqualTo(0x80000357);
        assertThat(wrongPassword.kind()).isEqualTo(ErrorKind.FATAL);
        assertThat(ErrorCodes.isCredentialError(noSuchUser.code())).isTrue();
    }

    @Test
    void aWebSocketSchemalessFailureCarriesTheServerCodeOnlyAsText() {
        TDengineException outOfRange =
                SqlExceptionTranslator.translate("writing", new SQLException("0x60b:Timestamp data out of range"));
        TDengineException syntax =
                SqlExceptionTranslator.translate("writing", new SQLException("0x3002:SML line invalid value: 1"));

        assertThat(outOfRange.code()).isEqualTo(0x8000060b);
        assertThat(outOfRange.kind()).isEqualTo(ErrorKind.DATA);
        assertThat(syntax.kind()).isEqualTo(ErrorKind.DATA);
        assertThat(SqlExceptionTranslator.translate("writing", new SQLException("(0x529):Vnode stopped"))
                        .kind())
                .isEqualTo(ErrorKind.TRANSIENT);
    }

    @Test
    void aWebSocketRawWriteFailureCarriesTheServerCodeInParentheses() {
        // What TDengine 3.3.6.13 answered to one raw request holding a malformed line or an out-of-range timestamp.
        TDengineException syntax = SqlExceptionTranslator.translate(
                "writing",
                new SQLException(
                        "(0x3002):SML line invalid value: 1796574345688000001\nm,t=c f=3 1796574345688000002"));
        TDengineException outOfRange =
                SqlExceptionTranslator.translate("writing", new SQLException("(0x60b):Timestamp data out of range"));

        assertThat(syntax.code()).isEqualTo(0x80003002);
        assertThat(syntax.kind()).isEqualTo(ErrorKind.DATA);
        assertThat(outOfRange.code()).isEqualTo(0x8000060b);
        assertThat(outOfRange.kind()).isEqualTo(ErrorKind.DATA);
    }

    @Test
    void aWebSocketTmqFailureCarriesTheServerCodeInTheMiddleOfItsText() {
        TDengineException notRead = SqlExceptionTranslator.translate(
                "reading the TMQ position",
                new SQLException(
                        "consumer position error, code: (0x4010), message: Assignment or poll interface need to be called first"));
        TDengineException notAssigned = SqlExceptionTranslator.translate(
                "committing",
                new SQLException(
                        "consumer commit offset error, code: (0x4008), message: VgId does not belong to this consumer, timing: 143112"));

        assertThat(notRead.code()).isEqualTo(0x80004010);
        assertThat(notAssigned.code()).isEqualTo(0x80004008);
        assertThat(notRead.kind()).isEqualTo(ErrorKind.FATAL);
    }

    @Test
    void aJniTmqRuntimeFailureCarriesTheServerCodeInItsText() {
        RuntimeException mismatch = new RuntimeException("ERROR (0x80004001): Consumer mismatch");

        RuntimeException e = SqlExceptionTranslator.translate("reading the TMQ assignment", mismatch);

        assertThat(e).isInstanceOf(TDengineException.class).hasCause(mismatch);
        assertThat(((TDengineException) e).code()).isEqualTo(0x80004001);
        assertThat(((TDengineException) e).kind()).isEqualTo(ErrorKind.TRANSIENT);
    }

    @Test
    void aRuntimeFailureWithoutACodeIsNotTDengines() {
        RuntimeException defect =
                new IllegalStateException("for data type, Topic, dbName, vGroupId and value are required.");

        assertThat(SqlExceptionTranslator.translate("polling TMQ", defect)).isSameAs(defect);
    }

    @Test
    void theStatementTheRestfulDriverRepeatsInItsMessageIsLeftOutOnceWhatNamesItsStart() {
        String statement =
                "INSERT INTO `power`.`d2` (`ts`,`current`) VALUES (1,'a, desc: b')" + " (2,2.5)".repeat(40_000);
        TDengineException e = SqlExceptionTranslator.translate(
                "INSERT INTO `power`.`d2` …",
                new SQLException(
                        "TDengine ERROR (0x2603): sql: " + statement + ", desc: Table does not exist", "", 0x2603));

        assertThat(e.code()).isEqualTo(0x2603);
        assertThat(e).hasMessage("INSERT INTO `power`.`d2` … failed: TDengine ERROR (0x2603): Table does not exist");
    }

    @Test
    void aMessageWithoutAStatementIsKeptAsItIs() {
        assertThat(SqlExceptionTranslator.reason("TDengine ERROR (0x2603): Table does not exist"))
                .isEqualTo("TDengine ERROR (0x2603): Table does not exist");
        assertThat(SqlExceptionTranslator.reason("desc: sql: nothing")).isEqualTo("desc: sql: nothing");
        assertThat(SqlExceptionTranslator.reason(null)).isNull();
    }

    @Test
    void aRestConnectRejectedForItsCredentialsHasTheServerCode() {
        TDengineException e = SqlExceptionTranslator.translate(
                "connecting",
                new SQLException("TDengine ERROR (0x357): sql: select 1, desc: Authentication failure", "", 0x357));

        assertThat(ErrorCodes.isCredentialError(e.code())).isTrue();
        assertThat(e.kind()).isEqualTo(ErrorKind.FATAL);
    }

    @Test
    void aNativeConnectThatFailedForAnyOtherReasonStaysTransient() {
        TDengineException e = SqlExceptionTranslator.translate(
                "connecting", new SQLException("JNI ERROR (0x2354): Unable to establish connection", "", 0x2354));

        assertThat(e.code()).isEqualTo(0x2354);
        assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
    }

    @Test
    void reasonTextIsReadOnlyForTheNativeConnectCode() {
        TDengineException e =
                SqlExceptionTranslator.translate("writing", new SQLException("Authentication failure", "", 0x80000529));

        assertThat(e.code()).isEqualTo(0x80000529);
        assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
    }

    @Test
    void anExceptionWithoutCodeIsTransient() {
        TDengineException e = SqlExceptionTranslator.translate("connecting", new SQLException("Connection reset"));

        assertThat(e.code()).isZero();
        assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(e).hasMessageContaining("connecting failed: Connection reset");
    }
}
