package com.taosdata.kafka.connect.cli.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.taosdata.kafka.connect.cli.client.RestTransport.Answer;
import com.taosdata.kafka.connect.connection.Sleeper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import okhttp3.HttpUrl;

/** The Kafka Connect REST API (3.7 and later) as typed calls. */
public final class ConnectClient {

    /** Answer of {@code PUT /connectors/{name}/config}: 201 means created, 200 updated. */
    public record PutResult(boolean created, ConnectorInfo info) {}

    private final RestTransport transport;

    public ConnectClient(ClientSettings settings, Sleeper sleeper) {
        this.transport = new RestTransport(settings, sleeper);
    }

    public List<String> listConnectors() {
        HttpUrl url = transport.url("connectors").build();
        return readOk(transport.send("GET", url, null), type(new TypeReference<List<String>>() {}));
    }

    /** {@code GET /connectors?expand=status}: every connector's status in one call. */
    public Map<String, ConnectorStatus> listStatuses() {
        HttpUrl url = transport
                .url("connectors")
                .addQueryParameter("expand", "status")
                .build();
        Map<String, Map<String, ConnectorStatus>> expanded = readOk(
                transport.send("GET", url, null),
                type(new TypeReference<Map<String, Map<String, ConnectorStatus>>>() {}));
        Map<String, ConnectorStatus> statuses = new TreeMap<>();
        // A connector deleted or created between the worker's listing and its status lookup has no status: skip it.
        expanded.forEach((name, entry) -> {
            if (entry != null && entry.get("status") != null) {
                statuses.put(name, entry.get("status"));
            }
        });
        return statuses;
    }

    /** {@code GET /}: the worker's version. */
    public WorkerInfo worker() {
        return readOk(transport.send("GET", transport.url().build(), null), WorkerInfo.class);
    }

    /**
     * {@code POST /connectors} with {@code initial_state} (Kafka 3.8 and later): creates a connector that starts
     * RUNNING, PAUSED or STOPPED.
     */
    public ConnectorInfo create(String name, Map<String, String> config, String initialState) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("config", config);
        body.put("initial_state", initialState);
        Answer answer = transport.send("POST", transport.url("connectors").build(), body);
        if (answer.code() == 400) {
            throw new RejectedException(
                    name + ": the cluster rejected the connector: " + RestTransport.errorMessage(answer));
        }
        if (answer.code() != 201) {
            throw RestTransport.unexpected(answer);
        }
        return RestTransport.read(answer, type(ConnectorInfo.class));
    }

    public ConnectorInfo connector(String name) {
        return readOk(connectorCall("GET", name), ConnectorInfo.class);
    }

    /** The connector's config, or empty when there is no such connector (deploy then creates it). */
    public Optional<Map<String, String>> config(String name) {
        Answer answer = transport.send(
                "GET", transport.url("connectors", name, "config").build(), null);
        if (answer.code() == 404) {
            return Optional.empty();
        }
        return Optional.of(readOk(answer, type(new TypeReference<Map<String, String>>() {})));
    }

    public PutResult putConfig(String name, Map<String, String> config) {
        HttpUrl url = transport.url("connectors", name, "config").build();
        Answer answer = transport.send("PUT", url, config);
        if (answer.code() == 400) {
            throw new RejectedException(
                    name + ": the cluster rejected the config: " + RestTransport.errorMessage(answer));
        }
        if (answer.code() != 200 && answer.code() != 201) {
            throw RestTransport.unexpected(answer);
        }
        return new PutResult(answer.code() == 201, RestTransport.read(answer, type(ConnectorInfo.class)));
    }

    public ConnectorStatus status(String name) {
        return readOk(connectorCall("GET", name, "status"), ConnectorStatus.class);
    }

    /** Topics the connector used, or empty when the worker has topic tracking disabled. */
    public Optional<List<String>> topics(String name) {
        Answer answer = connectorCall("GET", name, "topics");
        if (answer.code() == 400 || answer.code() == 403) {
            return Optional.empty();
        }
        JsonNode node = readOk(answer, JsonNode.class);
        JsonNode topics = node.path(name).path("topics");
        return Optional.of(RestTransport.MAPPER.convertValue(topics, type(new TypeReference<List<String>>() {})));
    }

    public void delete(String name) {
        expectNoBody(connectorCall("DELETE", name));
    }

    public void pause(String name) {
        expectNoBody(connectorCall("PUT", name, "pause"));
    }

    public void resume(String name) {
        expectNoBody(connectorCall("PUT", name, "resume"));
    }

    public void stop(String name) {
        expectNoBody(connectorCall("PUT", name, "stop"));
    }

    /** Restarts; the worker answers with the states it is restarting into when tasks are involved. */
    public Optional<ConnectorStatus> restart(String name, boolean includeTasks, boolean onlyFailed) {
        HttpUrl url = transport
                .url("connectors", name, "restart")
                .addQueryParameter("includeTasks", Boolean.toString(includeTasks))
                .addQueryParameter("onlyFailed", Boolean.toString(onlyFailed))
                .build();
        Answer answer = transport.send("POST", url, null);
        if (answer.code() == 404) {
            throw new ConnectorNotFoundException(name);
        }
        if (answer.code() == 202) {
            return Optional.of(RestTransport.read(answer, type(ConnectorStatus.class)));
        }
        if (answer.code() == 200 || answer.code() == 204) {
            return Optional.empty();
        }
        throw RestTransport.unexpected(answer);
    }

    public List<PluginInfo> plugins(boolean connectorsOnly) {
        HttpUrl url = transport
                .url("connector-plugins")
                .addQueryParameter("connectorsOnly", Boolean.toString(connectorsOnly))
                .build();
        return readOk(transport.send("GET", url, null), type(new TypeReference<List<PluginInfo>>() {}));
    }

    /** {@code PUT /connector-plugins/{class}/config/validate}; a 400 (e.g. unknown plugin) is a {@link RejectedException}. */
    public ConfigInfos validate(String connectorClass, Map<String, String> config) {
        HttpUrl url = transport
                .url("connector-plugins", connectorClass, "config", "validate")
                .build();
        Answer answer = transport.send("PUT", url, config);
        if (answer.code() == 400 || answer.code() == 404) {
            throw new RejectedException(RestTransport.errorMessage(answer));
        }
        return readOk(answer, ConfigInfos.class);
    }

    public ConnectorOffsets offsets(String name) {
        return readOk(connectorCall("GET", name, "offsets"), ConnectorOffsets.class);
    }

    /** Resets all offsets; the worker requires the connector to be STOPPED and says so with a 400. */
    public String resetOffsets(String name) {
        Answer answer = connectorCall("DELETE", name, "offsets");
        if (answer.code() == 400) {
            throw new RejectedException(name + ": " + RestTransport.errorMessage(answer));
        }
        JsonNode node = readOk(answer, JsonNode.class);
        return node.path("message").asText("offsets reset");
    }

    /**
     * {@code PATCH /connectors/NAME/offsets}: sets the offsets of the partitions listed. The worker answers 400 when
     * the connector is not STOPPED and 500 with the connector's message when the connector refuses the offsets.
     */
    public String alterOffsets(String name, ConnectorOffsets offsets) {
        Answer answer = connectorRequest("PATCH", name, offsets, "offsets");
        if (answer.code() == 400 || answer.code() == 500) {
            throw new RejectedException(name + ": " + RestTransport.errorMessage(answer));
        }
        JsonNode node = readOk(answer, JsonNode.class);
        return node.path("message").asText("offsets altered");
    }

    private Answer connectorCall(String method, String name, String... tail) {
        return connectorRequest(method, name, null, tail);
    }

    private Answer connectorRequest(String method, String name, Object body, String... tail) {
        HttpUrl.Builder url = transport.url("connectors", name);
        for (String segment : tail) {
            url.addPathSegment(segment);
        }
        Answer answer = transport.send(method, url.build(), body);
        if (answer.code() == 404) {
            throw new ConnectorNotFoundException(name);
        }
        return answer;
    }

    private static <T> T readOk(Answer answer, Class<T> type) {
        return readOk(answer, type(type));
    }

    private static <T> T readOk(Answer answer, JavaType type) {
        if (answer.code() != 200) {
            throw RestTransport.unexpected(answer);
        }
        return RestTransport.read(answer, type);
    }

    private static void expectNoBody(Answer answer) {
        if (answer.code() < 200 || answer.code() > 204) {
            throw RestTransport.unexpected(answer);
        }
    }

    private static JavaType type(Class<?> type) {
        return RestTransport.MAPPER.constructType(type);
    }

    private static JavaType type(TypeReference<?> reference) {
        return RestTransport.MAPPER.getTypeFactory().constructType(reference);
    }
}
