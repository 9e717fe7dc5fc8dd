package com.taosdata.kafka.connect.standin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A minimal HTTP client for the tests, speaking to the stand-in as taosAdapter's clients do. */
final class Http {
    static final String ROOT_AUTH =
            "Basic " + Base64.getEncoder().encodeToString("root:taosdata".getBytes(StandardCharsets.UTF_8));
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {}

    static HttpResponse<String> post(String url, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> sql(TDengineStandIn standIn, String sql) {
        return post(standIn.httpUrl() + "/rest/sql", sql, ROOT_AUTH);
    }

    static HttpResponse<String> influx(TDengineStandIn standIn, String db, String precision, String lines) {
        return post(standIn.httpUrl() + "/influxdb/v1/write?db=" + db + "&precision=" + precision, lines, ROOT_AUTH);
    }
}
