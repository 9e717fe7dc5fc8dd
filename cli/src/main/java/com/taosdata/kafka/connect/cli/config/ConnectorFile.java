package com.taosdata.kafka.connect.cli.config;

import java.util.List;
import java.util.Map;

/**
 * One connector config as read from a file. {@code name} is the {@code name} key (the JSON envelope's
 * {@code name} is merged into {@code config} when the config has none; a KafkaConnector's is its
 * {@code metadata.name}), or null when absent. {@code remarks} are what the file says around the config.
 */
public record ConnectorFile(String file, String name, Map<String, String> config, List<Remark> remarks)
        implements ConfigDocument {

    public ConnectorFile {
        remarks = List.copyOf(remarks);
    }

    public ConnectorFile(String file, String name, Map<String, String> config) {
        this(file, name, config, List.of());
    }

    public String connectorClass() {
        return config.get("connector.class");
    }
}
