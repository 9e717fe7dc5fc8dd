package com.taosdata.kafka.connect.connection;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recovers TDengine's error code where taos-jdbcdriver passes it only as text. This is the one place that reads
 * message text. Seen with TDengine 3.3.6.13 and taos-jdbcdriver 3.7.3:
 * <ul>
 *   <li>native connect: the driver's own code {@link ErrorCodes#JNI_CONNECT_FAILED} for every failure, with the
 *   client library's reason as text, {@code "JNI ERROR (0x2354): Authentication failure"}; the texts are TDengine's
 *   descriptions of the credential codes, which taosc returns unchanged;</li>
 *   <li>WebSocket: no vendor code (0) and the server's code at the start of the text, {@code "(0x357):auth
 *   failure:Authentication failure"} for a wrong password, {@code "0x60b:Timestamp data out of range"} for a
 *   schemaless write, without TDengine's {@code 0x8000} flag; TMQ calls put it in the middle, {@code "consumer
 *   position error, code: (0x4010), message: Assignment or poll interface need to be called first"};</li>
 *   <li>REST: the server's code as the vendor code (nothing to recover);</li>
 *   <li>some JNI TMQ calls ({@code TaosConsumer.assignment()}) throw a {@link RuntimeException} without a code field,
 *   {@code "ERROR (0x80004001): Consumer mismatch"}.</li>
 * </ul>
 */
final class DriverMessageCodes {

    private static final Map<String, Integer> NATIVE_REASONS = Map.of(
            "Authentication failure", 0x80000357,
            "Invalid user", 0x80000351,
            "User not available", 0x80000358,
            "User is disabled", 0x80000315,
            "Invalid user name", 0x80000207,
            "Invalid password length", 0x80000208);

    /** Where messages without a vendor code carry the server code (WebSocket; JNI TMQ runtime exceptions). */
    private static final List<Pattern> WEBSOCKET_CODES = List.of(
            Pattern.compile("^\\(?0x([0-9a-fA-F]{1,8})\\)?:"),
            Pattern.compile("error, code: \\(0x([0-9a-fA-F]{1,8})\\), message:"),
            Pattern.compile("^ERROR \\(0x([0-9a-fA-F]{1,8})\\): "));

    private DriverMessageCodes() {}

    /** The server code the message carries, or {@code code} itself when there is none to recover. */
    static int serverCode(int code, String message) {
        if (message == null) {
            return code;
        }
        if (ErrorCodes.normalize(code) == ErrorCodes.JNI_CONNECT_FAILED) {
            int reason = message.indexOf("): ");
            String text = (reason < 0 ? message : message.substring(reason + 3)).trim();
            return NATIVE_REASONS.getOrDefault(text, code);
        }
        if (code == 0) {
            for (Pattern pattern : WEBSOCKET_CODES) {
                Matcher server = pattern.matcher(message);
                if (server.find()) {
                    return 0x80000000 | Integer.parseUnsignedInt(server.group(1), 16);
                }
            }
        }
        return code;
    }
}
