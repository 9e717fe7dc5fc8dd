package com.taosdata.kafka.connect.write;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.taosdata.kafka.connect.connection.ErrorKind;
import com.taosdata.kafka.connect.connection.TDengineException;

/** Reads taosAdapter's error answers ({@code {"code": …, "desc": …}}) into {@link TDengineException}s. */
final class TaosAdapterErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_IN_MESSAGE = 500;

    private TaosAdapterErrors() {
    }

    static TDengineException fromResponse(String what, int status, String body) {
        JsonNode error = parse(body);
        if (error != null && error.path("code").canConvertToInt() && error.path("code").asInt() != 0) {
            int code = error.path("code").asInt();
            return TDengineException.fromCode(code, what + " failed (HTTP " + status + "): " + error.path("desc").asText(""), null);
        }
        String shown = body == null ? "" : body.length() > MAX_BODY_IN_MESSAGE ? body.substring(0, MAX_BODY_IN_MESSAGE) + "…" : body;
        String message = what + " failed: HTTP " + status + (shown.isBlank() ? "" : ": " + shown);
        if (status == 401 || status == 403) {
            return new TDengineException(0, ErrorKind.FATAL, message + " (check connection.user and connection.password)", null);
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
