package com.taosdata.kafka.connect.it.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import com.taosdata.kafka.connect.it.harness.ConnectRest;
import com.taosdata.kafka.connect.it.harness.ConnectWorker;
import com.taosdata.kafka.connect.it.harness.KafkaBroker;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;

/**
 * Rows/s from a pre-filled {@code meters} super table (100 subtables) to a Kafka topic, in one run: a plain JDBC read
 * of the same rows as the baseline, then the source connector in query mode with 1 and 2 tasks and the default
 * {@code fetch.max.rows}, and with 2 tasks and larger queries, printed with the ratios. Run by {@code bench/source-bench.sh}; uses TDENGINE_URL when set.
 */
public final class SourceBenchmark {

    private static final String DATABASE = "bench_source";

    private SourceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.lines", 200_000);
        try (KafkaBroker broker = KafkaBroker.start(); TDengineTarget td = TDengineTarget.fromEnvironment();
             ConnectWorker worker = ConnectWorker.start(ConnectWorker.Version.KAFKA_4, broker.bootstrapServers(),
                     "bench-source", "bench-source-worker", Map.of())) {
            td.dropDatabase(DATABASE);
            DirectWriter.write(td, DATABASE, SinkBenchmark.meters(rows));
            Measure.say(rows + " rows in " + DATABASE + ".meters (100 subtables); TDengine: " + (td.isStandIn() ? "STAND-IN" : td.connectionUrl()));

            double jdbc = Measure.rate(rows, () -> readAll(td));
            double oneTask = sourceRate(worker.rest(), broker, td, rows, 1, null);
            double twoTasks = sourceRate(worker.rest(), broker, td, rows, 2, null);
            double largeFetch = sourceRate(worker.rest(), broker, td, rows, 2, 10_000);

            Measure.header("rows/s", "JDBC");
            Measure.row("plain JDBC read of every row", jdbc, jdbc);
            Measure.row("tdconnect source, query mode, 1 task", oneTask, jdbc);
            Measure.row("tdconnect source, query mode, 2 tasks", twoTasks, jdbc);
            Measure.row("... 2 tasks, fetch.max.rows=10000", largeFetch, jdbc);
        }
    }

    private static void readAll(TDengineTarget td) throws Exception {
        try (Connection connection = td.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM " + DATABASE + ".meters")) {
            while (result.next()) {
                result.getObject(1);
            }
        }
    }

    /** {@code fetchMaxRows} null: the connector's default (TDengine's documented 100 rows per query). */
    private static double sourceRate(ConnectRest rest, KafkaBroker broker, TDengineTarget td, int rows, int tasks,
                                     Integer fetchMaxRows) throws Exception {
        String prefix = "bench" + tasks + (fetchMaxRows == null ? "" : "f" + fetchMaxRows);
        Map<String, String> config = new LinkedHashMap<>(td.connectionConfig());
        config.put("connector.class", "com.taosdata.kafka.connect.source.TDengineSourceConnector");
        config.put("tasks.max", Integer.toString(tasks));
        config.put("connection.database", DATABASE);
        config.put("read.method", "query");
        config.put("out.format", "line");
        config.put("topic.prefix", prefix);
        config.put("topic.creation.default.replication.factor", "1");
        config.put("topic.creation.default.partitions", "2");
        if (fetchMaxRows != null) {
            config.put("fetch.max.rows", fetchMaxRows.toString());
        }
        String topic = prefix + "-" + DATABASE + "-meters";
        String name = "bench_source_" + prefix;
        return Measure.rate(rows, () -> {
            rest.putConnector(name, config);
            awaitRecords(broker, topic, rows);
            rest.deleteConnector(name);
        });
    }

    private static void awaitRecords(KafkaBroker broker, String topic, int rows) throws InterruptedException {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            // The connector creates its topic with its first records.
            while (!broker.topics().contains(topic)) {
                Thread.sleep(100);
            }
            consumer.subscribe(List.of(topic));
            int seen = 0;
            while (seen < rows) {
                seen += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
    }
}
