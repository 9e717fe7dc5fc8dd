package com.taosdata.kafka.connect.cli.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** A MockWebServer speaking the Connect REST API's shapes; close it after each test. */
public final class MockConnect implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();

    public MockConnect() {
        this(null);
    }

    /** An https server when {@code tls} is given. */
    public MockConnect(SSLSocketFactory tls) {
        if (tls != null) {
            server.useHttps(tls, false);
        }
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String hostName() {
        return server.getHostName();
    }

    public String url() {
        return server.url("/").toString();
    }

    public MockConnect answer(int code, String body) {
        server.enqueue(new MockResponse()
                .setResponseCode(code)
                .setHeader("Content-Type", "application/json")
                .setBody(body));
        return this;
    }

    public MockConnect answer(int code) {
        server.enqueue(new MockResponse().setResponseCode(code));
        return this;
    }

    public MockConnect error(int code, String message) {
        return answer(code, "{\"error_code\":" + code + ",\"message\":\"" + message + "\"}");
    }

    public RecordedRequest request() {
        try {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("the CLI sent no (further) request");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public int requestCount() {
        return server.getRequestCount();
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
