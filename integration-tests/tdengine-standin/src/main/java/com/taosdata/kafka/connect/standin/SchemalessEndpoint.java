package com.taosdata.kafka.connect.standin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * taosAdapter's schemaless HTTP endpoints ({@code docs/en/14-reference/01-components/03-taosadapter.md}), answering
 * as its plugins do ({@code plugin/influxdb/plugin.go}, {@code plugin/opentsdb/plugin.go}):
 * <ul>
 *   <li>{@code POST /influxdb/v1/write?db=…&precision=…} — Basic auth or {@code u}/{@code p} parameters;
 *       204 on success; a TDengine error is 500 {@code {"code":"internal error","message":"[0x3002] …"}};
 *       no {@code db} is 400 {@code {"code":"not found","message":"db required",…}}; no credentials 401.</li>
 *   <li>{@code POST /opentsdb/v1/put/telnet/{db}} and {@code /opentsdb/v1/put/json/{db}} — Basic auth; 204 on
 *       success; a TDengine error is 500 {@code {"code":500,"message":"[0x3002] …"}}; no credentials 401.</li>
 * </ul>
 * Both take {@code table_name_key} and {@code ttl} ({@link SmlOptions}); a {@code ttl} that is no integer is 400
 * ({@code "ttl must be numeric"}).
 * The TDengine code is in the message as taosAdapter prints it: {@code [0x<code & 0xffff in hex>] desc}.
 * Wrong credentials fail when taosAdapter connects, so they are a 500 carrying {@code [0x357]} for a wrong password
 * (as a real 3.3.6.13 answered) or {@code [0x351]} for a user that does not exist (what TDengine answered that
 * login over REST; the schemaless endpoints log in the same way). With a Cloud token configured the login is the
 * {@code token} parameter instead ({@link RequestLogin}), its failures answered as those of Basic credentials.
 */
public final class SchemalessEndpoint implements HttpHandler {
    private final RequestLogin auth;
    private final SmlPointApplier writer;

    public SchemalessEndpoint(RequestLogin auth, SmlPointApplier writer) {
        this.auth = auth;
        this.writer = writer;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"POST".equals(exchange.getRequestMethod())) {
                HttpExchanges.sendNotFound(exchange);
            } else if (path.equals("/influxdb/v1/write")) {
                influx(exchange);
            } else if (path.startsWith("/opentsdb/v1/put/telnet/") || path.startsWith("/opentsdb/v1/put/json/")) {
                openTsdb(exchange, path);
            } else {
                HttpExchanges.sendNotFound(exchange);
            }
        }
    }

    private void influx(HttpExchange exchange) throws IOException {
        Map<String, String> query = HttpExchanges.query(exchange);
        BasicAuth.Result result = auth.checkInflux(exchange.getRequestHeaders().getFirst("Authorization"), query);
        if (result != BasicAuth.Result.OK && !result.refusedByServer()) {
            HttpExchanges.sendJson(exchange, 401, influxMessage("forbidden", "get auth error"));
            return;
        }
        String db = query.get("db");
        if (db == null || db.isEmpty()) {
            ObjectNode body = RestResponses.json().createObjectNode();
            body.put("code", "not found")
                    .put("message", "db required")
                    .put("op", "get db query")
                    .put("err", "db required")
                    .put("line", 0);
            HttpExchanges.sendJson(exchange, 400, RestResponses.write(body));
            return;
        }
        SmlOptions options;
        try {
            options = SmlOptions.of(query);
        } catch (NumberFormatException e) {
            ObjectNode body = RestResponses.json().createObjectNode();
            body.put("code", "illegal param")
                    .put("message", "ttl must be numeric")
                    .put("op", "parse ttl")
                    .put("err", "ttl must be numeric")
                    .put("line", 0);
            HttpExchanges.sendJson(exchange, 400, RestResponses.write(body));
            return;
        }
        String data = HttpExchanges.body(exchange);
        try {
            authorized(result);
            writer.requireDatabase(db);
            List<SmlPoint> points = LineProtocolParser.parse(data, query.get("precision"));
            writer.write(db, points, options);
            HttpExchanges.sendNoContent(exchange);
        } catch (ServerErrorException e) {
            HttpExchanges.sendJson(exchange, 500, influxMessage("internal error", e.bracketed()));
        } catch (RuntimeException e) {
            HttpExchanges.sendJson(exchange, 500, influxMessage("internal error", internal(e)));
        }
    }

    private void openTsdb(HttpExchange exchange, String path) throws IOException {
        boolean json = path.startsWith("/opentsdb/v1/put/json/");
        String db = path.substring(path.lastIndexOf('/') + 1);
        BasicAuth.Result result =
                auth.check(exchange.getRequestHeaders().getFirst("Authorization"), HttpExchanges.query(exchange));
        // plugin/auth.go: no header is 401 "auth needed", an undecodable Basic header 401, and a header of
        // another scheme leaves no user behind, which the handler answers 400 "get auth error"
        if (result == BasicAuth.Result.MISSING || result == BasicAuth.Result.MALFORMED) {
            String message = result == BasicAuth.Result.MISSING ? "auth needed" : "invalid basic Authorization";
            HttpExchanges.sendJson(exchange, 401, openTsdbMessage(401, message));
            return;
        }
        if (result == BasicAuth.Result.NOT_BASIC) {
            HttpExchanges.sendJson(exchange, 400, openTsdbMessage(400, "get auth error"));
            return;
        }
        if (db.isEmpty()) {
            HttpExchanges.sendJson(exchange, 400, openTsdbMessage(400, "db required"));
            return;
        }
        SmlOptions options;
        try {
            options = SmlOptions.of(HttpExchanges.query(exchange));
        } catch (NumberFormatException e) {
            HttpExchanges.sendJson(
                    exchange, 400, openTsdbMessage(400, "illegal param, ttl must be numeric " + e.getMessage()));
            return;
        }
        String data = HttpExchanges.body(exchange);
        try {
            authorized(result);
            writer.requireDatabase(db);
            List<SmlPoint> points = json ? OpenTsdbJsonParser.parse(data) : TelnetParser.parse(data);
            writer.write(db, points, options);
            HttpExchanges.sendNoContent(exchange);
        } catch (ServerErrorException e) {
            HttpExchanges.sendJson(exchange, 500, openTsdbMessage(500, e.bracketed()));
        } catch (RuntimeException e) {
            HttpExchanges.sendJson(exchange, 500, openTsdbMessage(500, internal(e)));
        }
    }

    /** Credentials are checked when taosAdapter connects to TDengine: a failure is TDengine's 0x351 or 0x357. */
    private static void authorized(BasicAuth.Result result) {
        if (result != BasicAuth.Result.OK) {
            throw result.error().error();
        }
    }

    /** A failure of the stand-in itself still answers with a TDengine code, never a stack trace. */
    private static String internal(RuntimeException e) {
        return ServerError.SML_INTERNAL_ERROR
                .error("Internal error: " + e.getMessage())
                .bracketed();
    }

    private static String influxMessage(String code, String message) {
        return RestResponses.write(
                RestResponses.json().createObjectNode().put("code", code).put("message", message));
    }

    private static String openTsdbMessage(int code, String message) {
        return RestResponses.write(
                RestResponses.json().createObjectNode().put("code", code).put("message", message));
    }
}
