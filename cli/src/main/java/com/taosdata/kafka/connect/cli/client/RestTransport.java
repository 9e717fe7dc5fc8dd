package com.taosdata.kafka.connect.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.taosdata.kafka.connect.cli.error.CliException;
import com.taosdata.kafka.connect.connection.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * HTTP plumbing under {@link ConnectClient}: auth, retries of 409 (a rebalance is in progress) with
 * exponential backoff, and the mapping of every other failure to an exception with an exit code.
 */
final class RestTransport {

    static final ObjectMapper MAPPER = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final MediaType JSON = MediaType.get("application/json");

    /** An HTTP answer: its code and body text, and the request it answers ("GET /connectors") for messages. */
    record Answer(int code, String body, String what) {}

    private final OkHttpClient http;
    private final HttpUrl base;
    private final String authorization;
    private final ClientSettings settings;
    private final Sleeper sleeper;

    RestTransport(ClientSettings settings, Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
        HttpUrl parsed = HttpUrl.parse(settings.url());
        if (parsed == null) {
            throw CliException.usage("--url " + settings.url() + ": not an http:// or https:// URL");
        }
        this.base = parsed;
        this.authorization = settings.user() == null
                ? null
                : Credentials.basic(
                        settings.user(), settings.password() == null ? "" : new String(settings.password()));
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .callTimeout(settings.timeout())
                .connectTimeout(settings.timeout())
                .readTimeout(settings.timeout())
                .retryOnConnectionFailure(false);
        if (settings.truststore() != null) {
            Tls.trust(builder, settings.truststore(), settings.truststorePassword());
        }
        this.http = builder.build();
    }

    HttpUrl.Builder url(String... segments) {
        HttpUrl.Builder builder = base.newBuilder();
        for (String segment : segments) {
            builder.addPathSegment(segment);
        }
        return builder;
    }

    /** Sends a request and returns the answer; 409 is retried, 401/403 and I/O errors become exceptions. */
    Answer send(String method, HttpUrl url, Object body) {
        Request request = request(method, url, body);
        String what = method + " " + url.encodedPath();
        Duration backoff = settings.initialBackoff();
        for (int attempt = 0; ; attempt++) {
            Answer answer = execute(request, what);
            if (answer.code() != 409) {
                if (answer.code() == 401 || answer.code() == 403) {
                    throw new ClusterException(what + ": HTTP " + answer.code()
                            + " (not authorized); check --user/--password or TDCONNECT_USER/TDCONNECT_PASSWORD");
                }
                return answer;
            }
            if (attempt >= settings.retries()) {
                throw new ClusterException(what + ": HTTP 409, a rebalance is still in progress after " + (attempt + 1)
                        + " attempts: " + errorMessage(answer) + "; try again later or raise --retries");
            }
            pause(backoff);
            backoff = backoff.multipliedBy(2);
        }
    }

    static <T> T read(Answer answer, JavaType type) {
        try {
            return MAPPER.readValue(answer.body(), type);
        } catch (JsonProcessingException e) {
            throw new ClusterException(answer.what() + ": malformed JSON in the answer (HTTP " + answer.code() + "): "
                    + e.getOriginalMessage());
        }
    }

    /** The Connect REST API's {"error_code":…,"message":…}, or the raw body when it is something else. */
    static String errorMessage(Answer answer) {
        try {
            JsonNode node = MAPPER.readTree(answer.body());
            if (node != null && node.hasNonNull("message")) {
                return node.get("message").asText();
            }
        } catch (JsonProcessingException e) {
            // Not the REST API's error shape (e.g. a proxy's HTML page): fall through to the raw text.
        }
        String body = answer.body().strip();
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    static ClusterException unexpected(Answer answer) {
        String message = errorMessage(answer);
        return new ClusterException(
                answer.what() + ": unexpected HTTP " + answer.code() + (message.isEmpty() ? "" : ": " + message));
    }

    private Request request(String method, HttpUrl url, Object body) {
        RequestBody requestBody = null;
        if (body != null) {
            try {
                requestBody = RequestBody.create(MAPPER.writeValueAsString(body), JSON);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot write the request as JSON", e);
            }
        } else if (method.equals("PUT") || method.equals("POST")) {
            requestBody = RequestBody.create(new byte[0], JSON);
        }
        Request.Builder builder =
                new Request.Builder().url(url).method(method, requestBody).header("Accept", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }

    private Answer execute(Request request, String what) {
        try (Response response = http.newCall(request).execute()) {
            return new Answer(response.code(), response.body().string(), what);
        } catch (InterruptedIOException e) {
            throw new ClusterException(
                    "cannot reach the Connect cluster at " + base + " (" + what + "): timed out after "
                            + settings.timeout().toMillis() + " ms; raise --timeout if the cluster is slow",
                    e);
        } catch (IOException e) {
            throw new ClusterException(
                    "cannot reach the Connect cluster at " + base + " (" + what + "): " + e.getMessage()
                            + "; check --url or TDCONNECT_URL",
                    e);
        }
    }

    private void pause(Duration backoff) {
        try {
            sleeper.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while waiting for a rebalance to finish", e);
        }
    }
}
