package com.taosdata.kafka.connect.source;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

import com.taosdata.kafka.connect.util.Version;

/** TDengine to Kafka. Placeholder while the source connector is being written; it refuses to start. */
public class TDengineSourceConnector extends SourceConnector {

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        throw new UnsupportedOperationException("the TDengine source connector is not available in this build");
    }

    @Override
    public Class<? extends Task> taskClass() {
        throw new UnsupportedOperationException("the TDengine source connector is not available in this build");
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of();
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }
}
