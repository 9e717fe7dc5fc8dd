package com.taosdata.kafka.connect.it.harness;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;

/** The few calls of the Kafka Connect REST API the integration tests make, with waits for states. */
public final class ConnectRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ConnectRest(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** One answer of the REST API. */
    public record Answer(int status, JsonNode body) {}

    boolean isUp() {
        try {
            return call("GET", "/", null).status() == 200;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    public Answer call(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .method(method, publisher)
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json =
                    response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), json);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + baseUrl + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates or updates a connector, retrying while the worker group rebalances (409). */
    public void putConnector(String name, Map<String, String> config) {
        AtomicReference<Answer> last = new AtomicReference<>();
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        last.set(call("PUT", "/connectors/" + encode(name) + "/config", config));
                        return last.get().status() != 409;
                    });
        } catch (ConditionTimeoutException e) {
            if (last.get() == null) {
                throw new IllegalStateException(
                        "creating connector " + name + ": the worker did not answer in 60 s", e);
            }
            // Still rebalancing after a minute: the 409 is reported below with the worker's last answer.
        }
        Answer answer = last.get();
        if (answer.status() != 200 && answer.status() != 201) {
            throw new IllegalStateException(
                    "creating connector " + name + " failed: HTTP " + answer.status() + " " + answer.body());
        }
    }

    public Answer validate(String connectorClass, Map<String, String> config) {
        return call("PUT", "/connector-plugins/" + encode(connectorClass) + "/config/validate", config);
    }

    /** The error messages {@link #validate} attaches to each key, joined per key; keys without errors are absent. */
    public Map<String, String> validationErrors(String connectorClass, Map<String, String> config) {
        Map<String, String> errors = new HashMap<>();
        for (JsonNode entry : validate(connectorClass, config).body().path("configs")) {
            JsonNode value = entry.path("value");
            value.path("errors").forEach(m -> errors.merge(value.path("name").asText(), m.asText(), String::concat));
        }
        return errors;
    }

    public void deleteConnector(String name) {
        call("DELETE", "/connectors/" + encode(name), null);
    }

    public JsonNode status(String name) {
        Answer answer = call("GET", "/connectors/" + encode(name) + "/status", null);
        return answer.status() == 200 ? answer.body() : null;
    }

    public JsonNode plugins() {
        return call("GET", "/connector-plugins?connectorsOnly=false", null).body();
    }

    /** Task states by task id, e.g. RUNNING, FAILED. */
    public List<String> taskStates(String name) {
        JsonNode status = status(name);
        List<String> states = new ArrayList<>();
        if (status != null) {
            status.path("tasks").forEach(task -> states.add(task.path("state").asText()));
        }
        return states;
    }

    /** Waits until the connector runs {@code tasks} tasks, all RUNNING; fails fast with the trace if one FAILED. */
    public void awaitRunning(String name, int tasks, Duration timeout) {
        awaitStatus(name, timeout, status -> {
            List<String> states = new ArrayList<>();
            status.path("tasks").forEach(t -> states.add(t.path("state").asText()));
            if (states.contains("FAILED")
                    || "FAILED".equals(status.path("connector").path("state").asText())) {
                throw new AssertionError("connector " + name + " failed: " + status.toPrettyString());
            }
            return "RUNNING".equals(status.path("connector").path("state").asText())
                    && states.size() == tasks
                    && states.stream().allMatch("RUNNING"::equals);
        });
    }

    /**
     * Waits until the group finished rebalancing: each connector of {@code taskCounts} (name to number of tasks) and
     * all its tasks are RUNNING, only on {@code workerIds} ({@link ConnectWorker#workerId()}), each of which runs some
     * of them, and nothing changed for {@code quiet}. A FAILED connector or task fails at once with the
     * statuses. The status topic keeps naming a stopped or killed worker until its work ran elsewhere, hence the ids.
     *
     * @return when the settled assignment was first seen
     */
    public Instant awaitSettled(
            Map<String, Integer> taskCounts, Set<String> workerIds, Duration quiet, Duration timeout) {
        AtomicReference<Map<String, String>> seen = new AtomicReference<>(Map.of());
        AtomicReference<Instant> since = new AtomicReference<>(Instant.now());
        try {
            await().atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        Map<String, String> placement = placement(taskCounts.keySet());
                        if (placement.values().stream().anyMatch(p -> p.startsWith("FAILED"))) {
                            throw new AssertionError(
                                    "a connector or task FAILED: " + placement + "; statuses: " + statuses());
                        }
                        if (!placement.equals(seen.getAndSet(placement))) {
                            since.set(Instant.now());
                        }
                        return settled(placement, taskCounts, workerIds)
                                && Duration.between(since.get(), Instant.now()).compareTo(quiet) >= 0;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "the group did not settle on workers " + workerIds + " in " + timeout + "; last placement: "
                            + seen.get(),
                    e);
        }
        return since.get();
    }

    /** Where each connector and task runs, as {@code STATE@worker_id}, keyed {@code name} and {@code name/task}. */
    private Map<String, String> placement(Set<String> connectors) {
        JsonNode all = statuses();
        Map<String, String> placement = new TreeMap<>();
        for (String name : connectors) {
            JsonNode status = all.path(name).path("status");
            if (status.isMissingNode()) {
                continue;
            }
            placement.put(name, at(status.path("connector")));
            status.path("tasks")
                    .forEach(task -> placement.put(name + "/" + task.path("id").asInt(), at(task)));
        }
        return placement;
    }

    private static String at(JsonNode state) {
        return state.path("state").asText() + "@" + state.path("worker_id").asText();
    }

    private static boolean settled(
            Map<String, String> placement, Map<String, Integer> taskCounts, Set<String> workerIds) {
        int units = taskCounts.size()
                + taskCounts.values().stream().mapToInt(Integer::intValue).sum();
        Set<String> running = new HashSet<>();
        for (String where : placement.values()) {
            String worker = where.substring(where.indexOf('@') + 1);
            if (!where.startsWith("RUNNING@") || !workerIds.contains(worker)) {
                return false;
            }
            running.add(worker);
        }
        return placement.size() == units && running.equals(workerIds);
    }

    /** Every connector's status, keyed by name. */
    private JsonNode statuses() {
        Answer answer = call("GET", "/connectors?expand=status", null);
        if (answer.status() != 200) {
            throw new IllegalStateException(
                    "GET /connectors?expand=status answered HTTP " + answer.status() + " " + answer.body());
        }
        return answer.body();
    }

    /** Waits until a task of the connector FAILED and returns its trace. */
    public String awaitTaskFailure(String name, Duration timeout) {
        JsonNode status = awaitStatus(name, timeout, s -> {
            for (JsonNode task : s.path("tasks")) {
                if ("FAILED".equals(task.path("state").asText())) {
                    return true;
                }
            }
            return false;
        });
        for (JsonNode task : status.path("tasks")) {
            if ("FAILED".equals(task.path("state").asText())) {
                return task.path("trace").asText();
            }
        }
        throw new AssertionError("unreachable");
    }

    private JsonNode awaitStatus(String name, Duration timeout, Predicate<JsonNode> done) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        try {
            return await().atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(250))
                    .until(
                            () -> {
                                last.set(status(name));
                                return last.get();
                            },
                            status -> status != null && done.test(status));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "connector " + name + " did not reach the expected state in " + timeout + "; last status: "
                            + (last.get() == null ? "none" : last.get().toPrettyString()),
                    e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
