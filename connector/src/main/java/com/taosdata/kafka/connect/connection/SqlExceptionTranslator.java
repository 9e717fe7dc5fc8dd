package com.taosdata.kafka.connect.connection;

import java.sql.SQLException;

/** Turns taos-jdbcdriver's {@link SQLException}s, whose vendor code is TDengine's error code, into {@link TDengineException}s. */
public final class SqlExceptionTranslator {

    private SqlExceptionTranslator() {}

    public static TDengineException translate(String what, SQLException e) {
        int code = DriverMessageCodes.serverCode(e.getErrorCode(), e.getMessage());
        if (code == 0) {
            // No code: the driver failed below TDengine's protocol (socket, HTTP), which a retry may cure.
            return TDengineException.transientFailure(what + " failed: " + e.getMessage(), e);
        }
        return new TDengineException(code, ErrorCodes.classify(code), what + " failed: " + e.getMessage(), e);
    }

    /**
     * For the driver calls that fail with a plain {@link RuntimeException} carrying TDengine's code in its text; one
     * without a code is not TDengine's answer (a defect, say) and is returned as it is, to fail the task unchanged.
     */
    public static RuntimeException translate(String what, RuntimeException e) {
        int code = DriverMessageCodes.serverCode(0, e.getMessage());
        return code == 0
                ? e
                : new TDengineException(code, ErrorCodes.classify(code), what + " failed: " + e.getMessage(), e);
    }
}
