package com.taosdata.kafka.connect.cli.fake;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

/** A source without OfflineValidation: only its ConfigDef may run offline, never its validate(). */
public class FakeSourceConnector extends SourceConnector {

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        throw new AssertionError("validate() may reach the network and must not run offline");
    }

    @Override
    public void start(Map<String, String> props) {}

    @Override
    public Class<? extends Task> taskClass() {
        return null;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of();
    }

    @Override
    public void stop() {}

    @Override
    public ConfigDef config() {
        return new ConfigDef().define("query", Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, "query");
    }

    @Override
    public String version() {
        return "test";
    }
}
