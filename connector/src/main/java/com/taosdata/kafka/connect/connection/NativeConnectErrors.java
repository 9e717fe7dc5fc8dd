package com.taosdata.kafka.connect.connection;

import java.util.Map;

/**
 * Recovers the server's error code from a failed native connect. taos-jdbcdriver reports every failed
 * {@code jdbc:TAOS://} connect as its own code {@link TDengineErrors#JNI_CONNECT_FAILED} and passes the client
 * library's reason only as text ({@code "JNI ERROR (0x2354): Authentication failure"}, seen on TDengine 3.3.6 with
 * taos-jdbcdriver 3.7.3), so a wrong password and an unreachable server share one code. This is the one place that
 * reads message text: the texts are TDengine's own descriptions of those codes, which taosc returns unchanged.
 */
final class NativeConnectErrors {

    private static final Map<String, Integer> SERVER_CODES = Map.of(
            "Authentication failure", 0x80000357,
            "Invalid user", 0x80000351,
            "User not available", 0x80000358,
            "User is disabled", 0x80000315,
            "Invalid user name", 0x80000207,
            "Invalid password length", 0x80000208);

    private NativeConnectErrors() {
    }

    /** The server code behind a {@link TDengineErrors#JNI_CONNECT_FAILED} message, or {@code code} itself. */
    static int serverCode(int code, String message) {
        if (TDengineErrors.normalize(code) != TDengineErrors.JNI_CONNECT_FAILED || message == null) {
            return code;
        }
        int reason = message.indexOf("): ");
        String text = (reason < 0 ? message : message.substring(reason + 3)).trim();
        return SERVER_CODES.getOrDefault(text, code);
    }
}
