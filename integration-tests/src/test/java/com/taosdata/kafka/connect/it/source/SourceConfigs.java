package com.taosdata.kafka.connect.it.source;

import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.util.LinkedHashMap;
import java.util.Map;

/** Source connector configurations for the suites. */
public final class SourceConfigs {

    static final String SOURCE_CLASS = "com.taosdata.kafka.connect.source.TDengineSourceConnector";

    private SourceConfigs() {}

    /**
     * Query mode over {@code stable} of {@code database}, string keys and values, topics
     * {@code <prefix>-<database>-<stable>}. The broker does not create topics on demand, so Connect creates them
     * (topic creation is on by default in workers) with the settings given here.
     */
    public static Map<String, String> query(
            TDengineTarget tdengine, String database, String stable, String prefix, String outFormat) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", SOURCE_CLASS);
        config.put("tasks.max", "1");
        config.putAll(tdengine.connectionConfig());
        config.put("connection.database", database);
        config.put("read.method", "query");
        config.put("stables", stable);
        config.put("topic.prefix", prefix);
        config.put("out.format", outFormat);
        // Short waits keep the suites fast; the default (1 s) is meant for production databases.
        config.put("poll.interval.ms", "500");
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("topic.creation.default.replication.factor", "1");
        config.put("topic.creation.default.partitions", "1");
        return config;
    }

    /** The topic the connector writes rows of {@code stable} to, with the default delimiter. */
    public static String topic(String prefix, String database, String stable) {
        return prefix + "-" + database + "-" + stable;
    }
}
