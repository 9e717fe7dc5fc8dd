package com.taosdata.kafka.connect.sink;

import com.taosdata.kafka.connect.config.OfflineValidation;
import com.taosdata.kafka.connect.schemas.Version;
import com.taosdata.kafka.connect.sink.config.SinkConfigValidator;
import com.taosdata.kafka.connect.sink.config.TDengineSinkConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Writes InfluxDB line, OpenTSDB telnet or OpenTSDB JSON records into TDengine through its schemaless interface.
 * Configured with the keys of TDengine's Kafka tutorial; see {@link TDengineSinkConfig}.
 */
public class TDengineSinkConnector extends SinkConnector implements OfflineValidation {

    static final String TASK_ID_CONFIG = "task.id";

    private Map<String, String> props;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        // Parsing fails fast with a ConfigException naming the key, before any task starts.
        new TDengineSinkConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return TDengineSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(maxTasks);
        for (int i = 0; i < maxTasks; i++) {
            Map<String, String> task = new HashMap<>(props);
            task.put(TASK_ID_CONFIG, Integer.toString(i));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {
        props = null;
    }

    /**
     * Accepts offsets an operator sets or resets ({@code PATCH} or {@code DELETE /connectors/NAME/offsets}): they are
     * the offsets of the connector's Kafka consumer group, which Connect alters itself; the tasks, which start after
     * (only a STOPPED connector's offsets can be altered), read on from there. A negative offset is refused, naming
     * its partition; {@code null} resets one.
     */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<TopicPartition, Long> offsets) {
        List<String> negative = new ArrayList<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null && offset < 0) {
                negative.add(partition + " at " + offset);
            }
        });
        if (!negative.isEmpty()) {
            throw new ConnectException(
                    "offsets not altered: a Kafka offset is 0 or more, got " + String.join(", ", negative));
        }
        return true;
    }

    @Override
    public ConfigDef config() {
        return TDengineSinkConfig.CONFIG_DEF;
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return SinkConfigValidator.validate(connectorConfigs, true);
    }

    @Override
    public Config validateOffline(Map<String, String> connectorConfigs) {
        return SinkConfigValidator.validate(connectorConfigs, false);
    }
}
