package com.taosdata.kafka.connect.cli.config;

import java.util.Map;

/**
 * One connector config as read from a file. {@code name} is the {@code name} key (the JSON envelope's
 * {@code name} is merged into {@code config} when the config has none), or null when absent.
 */
public record ConnectorFile(String file, String name, Map<String, String> config) {

    public String connectorClass() {
        return config.get("connector.class");
    }
}
