package com.taosdata.kafka.connect.sink;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Just enough of taosAdapter for unit tests: {@code /rest/sql} answering {@code SELECT 1}, DDL and the precision query
 * in TDengine 3.x's JSON, and the schemaless endpoints answering 204. Everything received is recorded.
 */
final class FakeTaosAdapter implements AutoCloseable {

    /** One request: path with query, and body. */
    record Request(String path, String body) {}

    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** The precision {@code information_schema.ins_databases} reports; {@code null} for no such database. */
    volatile String precision;
    /** When set, every SQL statement fails with this TDengine code. */
    volatile Integer sqlErrorCode;

    private final HttpServer server;

    FakeTaosAdapter() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "jdbc:TAOS-RS://127.0.0.1:" + server.getAddress().getPort();
    }

    List<String> bodiesTo(String pathPrefix) {
        return requests.stream()
                .filter(r -> r.path().startsWith(pathPrefix))
                .map(Request::body)
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = exchange.getRequestURI().toString();
        requests.add(new Request(path, body));
        if (!path.startsWith("/rest/sql")) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        String answer;
        if (sqlErrorCode != null) {
            answer = "{\"code\":" + sqlErrorCode + ",\"desc\":\"Authentication failure\"}";
        } else if (body.contains("ins_databases")) {
            answer = precision == null
                    ? "{\"code\":0,\"column_meta\":[[\"precision\",\"VARCHAR\",2]],\"data\":[],\"rows\":0}"
                    : "{\"code\":0,\"column_meta\":[[\"precision\",\"VARCHAR\",2]],\"data\":[[\"" + precision
                            + "\"]],\"rows\":1}";
        } else if (body.startsWith("SELECT")) {
            answer = "{\"code\":0,\"column_meta\":[[\"1\",\"BIGINT\",8]],\"data\":[[1]],\"rows\":1}";
        } else {
            answer = "{\"code\":0,\"column_meta\":[[\"affected_rows\",\"INT\",4]],\"data\":[[0]],\"rows\":1}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
