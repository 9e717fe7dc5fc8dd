package com.taosdata.kafka.connect.cli.fake;

import com.taosdata.kafka.connect.config.OfflineValidation;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/** A sink with a ConfigDef and an offline check, standing in for ours in rule tests. */
public class FakeSinkConnector extends SinkConnector implements OfflineValidation {

    public static final ConfigDef CONFIG = new ConfigDef()
            .define("fake.url", Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, "where to write")
            .define("fake.secret", Type.PASSWORD, null, Importance.LOW, "a secret")
            .define("fake.batch", Type.INT, 10, ConfigDef.Range.atLeast(1), Importance.LOW, "batch size");

    @Override
    public Config validateOffline(Map<String, String> connectorConfigs) {
        List<ConfigValue> values = CONFIG.validate(connectorConfigs);
        String url = connectorConfigs.get("fake.url");
        if (url != null && !url.startsWith("fake://")) {
            values.stream()
                    .filter(v -> v.name().equals("fake.url"))
                    .findFirst()
                    .ifPresent(v -> v.addErrorMessage("must start with fake://"));
        }
        return new Config(values);
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
        return CONFIG;
    }

    @Override
    public String version() {
        return "test";
    }
}
