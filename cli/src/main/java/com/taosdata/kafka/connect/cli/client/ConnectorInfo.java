package com.taosdata.kafka.connect.cli.client;

import java.util.List;
import java.util.Map;

/** {@code GET /connectors/{name}} and the answer of {@code PUT /connectors/{name}/config}. */
public record ConnectorInfo(String name, Map<String, String> config, List<TaskId> tasks, String type) {

    public ConnectorInfo {
        config = config == null ? Map.of() : config;
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    /** One task's id as the REST API spells it. */
    public record TaskId(String connector, int task) {}
}
