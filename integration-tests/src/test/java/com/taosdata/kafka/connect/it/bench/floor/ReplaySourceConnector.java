package com.taosdata.kafka.connect.it.bench.floor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * What Connect costs a source before the source reads anything: its tasks send ready-made {@code meters} lines, each
 * record shaped as query mode's (a table's partition, an offset per row, the table name as key, the row's
 * timestamp), and read nothing. The benchmark runs it beside query mode and the hand-written query → producer loop,
 * so the rate Connect itself allows on the machine is measured in the same run.
 */
public final class ReplaySourceConnector extends SourceConnector {

    static final String TOPIC_CONFIG = "topic";
    static final String ROWS_CONFIG = "rows";
    /** Which share of the rows a task sends: its index among the tasks. */
    static final String TASK_CONFIG = "task";

    static final String TASKS_CONFIG = "task.count";

    private Map<String, String> settings;

    @Override
    public void start(Map<String, String> props) {
        settings = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return ReplaySourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(maxTasks);
        for (int task = 0; task < maxTasks; task++) {
            Map<String, String> config = new HashMap<>(settings);
            config.put(TASK_CONFIG, Integer.toString(task));
            config.put(TASKS_CONFIG, Integer.toString(maxTasks));
            configs.add(config);
        }
        return configs;
    }

    @Override
    public void stop() {}

    @Override
    public ConfigDef config() {
        return new ConfigDef()
                .define(TOPIC_CONFIG, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "topic the lines go to")
                .define(ROWS_CONFIG, ConfigDef.Type.INT, ConfigDef.Importance.HIGH, "rows sent by all tasks together");
    }

    @Override
    public String version() {
        return "bench";
    }
}
