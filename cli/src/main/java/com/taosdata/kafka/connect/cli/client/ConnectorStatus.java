package com.taosdata.kafka.connect.cli.client;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code GET /connectors/{name}/status}. */
public record ConnectorStatus(String name, State connector, List<TaskState> tasks, String type) {

    public ConnectorStatus {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    /** State of the connector itself. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record State(
            String state, @JsonProperty("worker_id") String workerId, String trace) {}

    /** State of one task. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaskState(
            int id, String state, @JsonProperty("worker_id") String workerId, String trace) {}

    @JsonIgnore
    public String connectorState() {
        return connector == null ? "UNKNOWN" : connector.state();
    }

    /** True when the connector or any of its tasks is FAILED. */
    @JsonIgnore
    public boolean anyFailed() {
        return "FAILED".equals(connectorState()) || tasks.stream().anyMatch(t -> "FAILED".equals(t.state()));
    }

    /** True when the connector and at least one task run, and no task is in another state. */
    @JsonIgnore
    public boolean allRunning() {
        return "RUNNING".equals(connectorState())
                && !tasks.isEmpty()
                && tasks.stream().allMatch(t -> "RUNNING".equals(t.state()));
    }
}
