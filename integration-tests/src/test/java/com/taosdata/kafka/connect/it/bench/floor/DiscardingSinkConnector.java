package com.taosdata.kafka.connect.it.bench.floor;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * What Connect costs a sink before the sink does anything: its tasks take every record and write none. The benchmark
 * runs it on the sink's topic beside the sink and the hand-written consumer program, so the share of the worker's
 * CPU per record that is Connect's own (consumer, conversion, offsets) is measured, not guessed.
 */
public final class DiscardingSinkConnector extends SinkConnector {

    private Map<String, String> settings;

    @Override
    public void start(Map<String, String> props) {
        settings = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return DiscardingSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return Collections.nCopies(maxTasks, settings);
    }

    @Override
    public void stop() {}

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public String version() {
        return "bench";
    }
}
