package com.taosdata.kafka.connect.connection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorCodesTest {

    private static final int SERVER_FLAG = 0x80000000;

    @ParameterizedTest
    @ValueSource(
            ints = {
                0x000B, 0x0018, 0x0019, 0x0020, 0x0021, 0x0022, 0x0023, 0x0024, 0x0111, 0x0125, 0x0126, 0x0130, 0x0131,
                0x0213, 0x032C, 0x032D, 0x0396, 0x03B8, 0x03B9, 0x03D3, 0x2301, 0x2317, 0x2318, 0x231D, 0x231E, 0x2354,
                0x0529, 0x090C, 0x0911, 0x0914
            })
    void transientCodesAreTransientWithAndWithoutTheServerFlag(int code) {
        assertThat(ErrorCodes.classify(code)).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(ErrorCodes.classify(code | SERVER_FLAG)).isEqualTo(ErrorKind.TRANSIENT);
    }

    @ParameterizedTest
    @ValueSource(
            ints = {
                0x011B, 0x0127, 0x0132, 0x0134, 0x0203, 0x020A, 0x0216, 0x0219, 0x021F, 0x0221, 0x0222, 0x0224, 0x0364,
                0x0365, 0x036F, 0x060B, 0x061D, 0x3002, 0x3004, 0x3005, 0x2601, 0x2650, 0x26FF
            })
    void dataCodesAreDataWithAndWithoutTheServerFlag(int code) {
        assertThat(ErrorCodes.classify(code)).isEqualTo(ErrorKind.DATA);
        assertThat(ErrorCodes.classify(code | SERVER_FLAG)).isEqualTo(ErrorKind.DATA);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 0x0357, 0x0388, 0x2600, 0x2700, 0x25FF, 0x0001, 0xFFFF, 0x3001})
    void otherCodesAreFatal(int code) {
        assertThat(ErrorCodes.classify(code)).isEqualTo(ErrorKind.FATAL);
        assertThat(ErrorCodes.classify(code | SERVER_FLAG)).isEqualTo(ErrorKind.FATAL);
    }

    /** Every code a real TDengine 3.3.6.13 answered while taosd was stopped, killed and started under load. */
    @Test
    void theCodesOfARealRestartAreTransient() {
        assertThat(ErrorCodes.classify(0x80000529))
                .as("vnode stopped: native write during a graceful stop")
                .isEqualTo(ErrorKind.TRANSIENT);
        assertThat(ErrorCodes.classify(0x80000131))
                .as("closing down: REST and WebSocket during a stop")
                .isEqualTo(ErrorKind.TRANSIENT);
        assertThat(ErrorCodes.classify(0x8000000b))
                .as("unable to establish connection: native, on a connection")
                .isEqualTo(ErrorKind.TRANSIENT);
        assertThat(ErrorCodes.classify(0x000b))
                .as("unable to establish connection: REST")
                .isEqualTo(ErrorKind.TRANSIENT);
        assertThat(ErrorCodes.classify(0x2354))
                .as("native connect while taosd is down")
                .isEqualTo(ErrorKind.TRANSIENT);
    }

    @Test
    void theObservedServerAnswersAreClassifiedAsTheyBehave() {
        assertThat(ErrorCodes.classify(0x80000396))
                .as("database in creating status")
                .isEqualTo(ErrorKind.TRANSIENT);
        assertThat(ErrorCodes.classify(0x80003002)).as("invalid value").isEqualTo(ErrorKind.DATA);
        assertThat(ErrorCodes.classify(0x8000060b)).as("timestamp out of range").isEqualTo(ErrorKind.DATA);
        assertThat(ErrorCodes.classify(0x8000020a)).as("empty line").isEqualTo(ErrorKind.DATA);
        assertThat(ErrorCodes.classify(0x80000203)).as("unreadable field value").isEqualTo(ErrorKind.DATA);
        assertThat(ErrorCodes.classify(0x80000221))
                .as("malformed OpenTSDB JSON")
                .isEqualTo(ErrorKind.DATA);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x0315, 0x0351, 0x0357, 0x0358, 0x0207, 0x0208})
    void credentialCodesAreFatalCredentialErrors(int code) {
        assertThat(ErrorCodes.isCredentialError(code | SERVER_FLAG)).isTrue();
        assertThat(ErrorCodes.classify(code | SERVER_FLAG)).isEqualTo(ErrorKind.FATAL);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x0111, 0x0125, 0x032C, 0x032D, 0x0396, 0x03D3, 0x090C, 0x0911, 0x0914})
    void selfResolvingStatesAreTransient(int code) {
        assertThat(ErrorCodes.isSelfResolving(code | SERVER_FLAG)).isTrue();
        assertThat(ErrorCodes.classify(code | SERVER_FLAG)).isEqualTo(ErrorKind.TRANSIENT);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x000B, 0x0131, 0x0529, 0x2354, 0x0357})
    void outagesAndOtherErrorsAreNotSelfResolving(int code) {
        assertThat(ErrorCodes.isSelfResolving(code)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {0x2603, 0x80000603, 0x80000362})
    void aMissingTableOrSuperTableIsATableGone(int code) {
        assertThat(ErrorCodes.isTableGone(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0x80000388, 0x0B, 0x2600})
    void aMissingDatabaseOrAnOutageIsNoTableGone(int code) {
        assertThat(ErrorCodes.isTableGone(code)).isFalse();
    }

    @Test
    void aTmqConsumerMismatchIsARebalanceThatEndsByItself() {
        assertThat(ErrorCodes.classify(0x80004001)).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(ErrorCodes.isSelfResolving(0x80004001)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0x80004008, 0x80004010, 0x4010})
    void aVgroupGivenAwayOrNotReadSinceARebalanceHasAnUnknownTmqPosition(int code) {
        assertThat(ErrorCodes.isTmqPositionUnknown(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0x80004000, 0x80004009, 0x80000529, 0})
    void otherTmqFailuresAndOutagesDoNotMeanAnUnknownPosition(int code) {
        assertThat(ErrorCodes.isTmqPositionUnknown(code)).isFalse();
    }

    @Test
    void normalizeStripsTheServerFlag() {
        assertThat(ErrorCodes.normalize(0x80000396)).isEqualTo(0x0396);
        assertThat(ErrorCodes.normalize(0x2301)).isEqualTo(0x2301);
    }

    @Test
    void hexPrintsCodesTheWayTDengineDoes() {
        assertThat(ErrorCodes.hex(0x8000060b)).isEqualTo("0x8000060b");
        assertThat(ErrorCodes.hex(0x2301)).isEqualTo("0x2301");
    }

    @Test
    void namedConstantsAreTheReferenceNumbers() {
        assertThat(ErrorCodes.DB_IN_CREATING).isEqualTo(0x0396);
        assertThat(ErrorCodes.DB_NOT_EXIST).isEqualTo(0x0388);
        assertThat(ErrorCodes.AUTH_FAILURE).isEqualTo(0x0357);
    }
}
