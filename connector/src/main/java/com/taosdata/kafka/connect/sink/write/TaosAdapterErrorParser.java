package com.taosdata.kafka.connect.sink.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.taosdata.kafka.connect.connection.ErrorKind;
import com.taosdata.kafka.connect.connection.TDengineException;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads taosAdapter's error answers into {@link TDengineException}s: {@code {"code": …, "desc": …}} from the REST API,
 * {@code {"code": …, "message": "[0x…] …"}} from the schemaless endpoints; anything else goes by HTTP status.
 */
public final class TaosAdapterErrorParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_IN_MESSAGE = 500;
    private static final Pattern BRACKETED_CODE = Pattern.compile("\\s*\\[0x([0-9a-fA-F]{1,8})\\]");

    private TaosAdapterErrorParser() {}

    static TDengineException fromResponse(String what, int status, String body) {
        JsonNode error = parse(body);
        if (error != null) {
            // /rest/sql answers {"code": <TDengine code>, "desc": …}. The schemaless endpoints answer
            // {"code": "internal error" | <HTTP status>, "message": "[0x3002] …"}: there the code is the bracketed one.
            String text = error.hasNonNull("desc")
                    ? error.path("desc").asText("")
                    : error.path("message").asText("");
            Matcher bracketed = BRACKETED_CODE.matcher(text);
            if (bracketed.lookingAt()) {
                int code = (int) Long.parseLong(bracketed.group(1), 16);
                return TDengineException.fromCode(
                        code,
                        what + " failed (HTTP " + status + "): "
                                + text.substring(bracketed.end()).strip(),
                        null);
            }
            JsonNode code = error.path("code");
            if (error.has("desc") && code.canConvertToLong() && code.asLong() != 0) {
                // Codes may come with the 0x80000000 flag as an unsigned number; the int keeps the bits.
                return TDengineException.fromCode(
                        (int) code.asLong(), what + " failed (HTTP " + status + "): " + text, null);
            }
        }
        String shown = body == null
                ? ""
                : body.length() > MAX_BODY_IN_MESSAGE ? body.substring(0, MAX_BODY_IN_MESSAGE) + "…" : body;
        String message = what + " failed: HTTP " + status + (shown.isBlank() ? "" : ": " + shown);
        if (status == 401 || status == 403) {
            return new TDengineException(
                    0,
                    ErrorKind.FATAL,
                    message + " (check connection.user and connection.password, or connection.token)",
                    null);
        }
        if (status >= 500 || status == 408 || status == 429) {
            // Gateways and an overloaded or restarting taosAdapter answer like this; the server may recover.
            return TDengineException.transientFailure(message, null);
        }
        return new TDengineException(0, ErrorKind.FATAL, message, null);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            // Not JSON: a proxy's HTML page, for instance. The status code decides then.
            return null;
        }
    }
}
