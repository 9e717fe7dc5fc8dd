package com.taosdata.kafka.connect.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * {@code POST /rest/sql} and {@code POST /rest/sql/{db}} (REST API doc). Statement errors answer HTTP 200 with
 * {@code code} and {@code desc}, as taosAdapter does with its default {@code httpCodeServerError=false}; a
 * missing body is 400; a missing or unreadable Authorization header is 401 ("HTTP Response Code" table). An
 * unknown user or a wrong password fails when taosAdapter connects to TDengine and is answered like any TDengine
 * error, HTTP 200 with code {@code 0x351} or {@code 0x357} (taosAdapter 3.3.6 {@code restful.go} →
 * {@code TaosErrorResponse}; the codes as a real 3.3.6.13 answered). With a Cloud token configured the login is the
 * {@code token} parameter instead ({@link RequestLogin}).
 */
public final class SqlEndpoint implements HttpHandler {
    private static final String PREFIX = "/rest/sql";

    private final RequestLogin auth;
    private final SqlExecutor executor;

    public SqlEndpoint(RequestLogin auth, SqlExecutor executor) {
        this.auth = auth;
        this.executor = executor;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String db = database(path);
            if (db == null || !"POST".equals(exchange.getRequestMethod())) {
                HttpExchanges.sendNotFound(exchange);
                return;
            }
            BasicAuth.Result authResult =
                    auth.check(exchange.getRequestHeaders().getFirst("Authorization"), HttpExchanges.query(exchange));
            if (authResult != BasicAuth.Result.OK) {
                // A header taosAdapter cannot read is its own 401; an unknown user or a wrong password is
                // TDengine's refusal to connect, answered like any TDengine error (200 unless httpCodeServerError).
                int status = authResult.refusedByServer() ? 200 : 401;
                HttpExchanges.sendJson(
                        exchange,
                        status,
                        RestResponses.error(
                                authResult.error().restCode(),
                                authResult.error().desc()));
                return;
            }
            String body = HttpExchanges.body(exchange);
            if (body.isEmpty()) {
                sendBadRequest(exchange, ServerError.HTTP_NO_MSG_INPUT);
                return;
            }
            if (body.isBlank()) {
                sendBadRequest(exchange, ServerError.HTTP_NO_SQL_INPUT);
                return;
            }
            HttpExchanges.sendJson(exchange, 200, run(body.trim(), db));
        }
    }

    private String run(String sql, String db) {
        try {
            return RestResponses.result(executor.execute(sql, db.isEmpty() ? null : db));
        } catch (ServerErrorException e) {
            return RestResponses.error(e);
        } catch (RuntimeException e) {
            return RestResponses.error(
                    ServerError.TSC_INVALID_OPERATION.restCode(), "Invalid operation: " + e.getMessage());
        }
    }

    /** The database named in the path, "" for none, or null when the path is not a SQL endpoint. */
    static String database(String path) {
        if (path.equals(PREFIX) || path.equals(PREFIX + "/")) {
            return "";
        }
        if (!path.startsWith(PREFIX + "/")) {
            return null;
        }
        String rest = path.substring(PREFIX.length() + 1);
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return rest.contains("/") ? null : rest;
    }

    private static void sendBadRequest(HttpExchange exchange, ServerError error) throws IOException {
        HttpExchanges.sendJson(exchange, 400, RestResponses.error(error.restCode(), error.desc()));
    }
}
