package com.taosdata.kafka.connect.it.harness;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/** Sink connector configurations for the suites, and the sample configs shipped in the plugin's {@code etc/}. */
public final class SinkConfigs {

    public static final String SINK_CLASS = "com.taosdata.kafka.connect.sink.TDengineSinkConnector";

    private SinkConfigs() {}

    /** A line protocol sink of {@code topics} into {@code database}, pointed at the target TDengine. */
    public static Map<String, String> sink(TDengineTarget tdengine, String topics, String database) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", SINK_CLASS);
        config.put("tasks.max", "1");
        config.put("topics", topics);
        config.putAll(tdengine.connectionConfig());
        if (database != null) {
            config.put("connection.database", database);
        }
        config.put("db.schemaless", "line");
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        // Short waits keep the suites fast; production defaults favour larger batches.
        config.put("batch.linger.ms", "200");
        return config;
    }

    /** Sends bad records to {@code dlq} (one replica, as the test broker has) with Connect's context headers. */
    public static void deadLetterQueue(Map<String, String> config, String dlq) {
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", dlq);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
    }

    /** A file of the packaged plugin's etc/ directory. */
    public static Path shippedFile(String fileName) throws IOException {
        Path pluginPath = Path.of(System.getProperty("it.plugin.path", "target/plugins"));
        try (Stream<Path> found = Files.find(pluginPath, 4, (p, a) -> p.endsWith(Path.of("etc", fileName)))) {
            return found.findFirst()
                    .orElseThrow(() ->
                            new IllegalStateException(fileName + " is not in the plugin's etc/ under " + pluginPath));
        }
    }

    /** A config file from the packaged plugin's etc/ directory, exactly as shipped. */
    public static Map<String, String> shipped(String fileName) throws IOException {
        Path file = shippedFile(fileName);
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        Map<String, String> config = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> config.put(key, properties.getProperty(key)));
        return config;
    }
}
