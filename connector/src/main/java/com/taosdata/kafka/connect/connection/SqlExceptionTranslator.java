package com.taosdata.kafka.connect.connection;

import java.sql.SQLException;

/** Turns taos-jdbcdriver's {@link SQLException}s, whose vendor code is TDengine's error code, into {@link TDengineException}s. */
public final class SqlExceptionTranslator {

    private static final String RESTFUL_SQL = "sql: ";
    private static final String RESTFUL_DESC = ", desc: ";

    private SqlExceptionTranslator() {}

    public static TDengineException translate(String what, SQLException e) {
        if (causedByInterrupt(e)) {
            // taos-jdbcdriver 3.7.3's WebSocket client wraps an interrupt in an SQLException and clears the flag: set
            // again, it stops the caller's retries as an interrupt would.
            Thread.currentThread().interrupt();
        }
        int code = DriverMessageCodes.serverCode(e.getErrorCode(), e.getMessage());
        if (code == 0) {
            // No code: the driver failed below TDengine's protocol (socket, HTTP), which a retry may cure.
            return TDengineException.transientFailure(what + " failed: " + e.getMessage(), e);
        }
        return new TDengineException(code, ErrorCodes.classify(code), what + " failed: " + reason(e.getMessage()), e);
    }

    private static boolean causedByInterrupt(SQLException e) {
        // Bounded: a chain of causes may loop.
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
            if (cause instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The driver's message without the statement the RESTful driver repeats in it ({@code TDengine ERROR (0x2603): sql:
     * INSERT …, desc: Table does not exist}, 3.7.3): a typed batch's statement is up to 300,000 characters, and
     * {@code what} names its start already. The last {@code ", desc: "} is the driver's: a string in the statement may
     * hold one too.
     */
    static String reason(String message) {
        if (message == null) {
            return null;
        }
        int sql = message.indexOf(RESTFUL_SQL);
        int desc = message.lastIndexOf(RESTFUL_DESC);
        return sql < 0 || desc < sql
                ? message
                : message.substring(0, sql) + message.substring(desc + RESTFUL_DESC.length());
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
