package com.taosdata.kafka.connect.it.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import com.taosdata.jdbc.tmq.ConsumerRecord;
import com.taosdata.jdbc.tmq.TaosConsumer;
import com.taosdata.kafka.connect.it.harness.ConnectRest;
import com.taosdata.kafka.connect.it.harness.ConnectWorker;
import com.taosdata.kafka.connect.it.harness.KafkaBroker;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;

/**
 * Rows/s from a pre-filled {@code meters} super table (100 subtables, nanosecond database) to a Kafka topic, in one
 * run, each path against a baseline read of the same rows in the same run. Query mode against a plain JDBC read of
 * every row: 1 and 2 tasks with the default config, and {@code out.format=json} and {@code struct} (through Connect's
 * JsonConverter) besides {@code line}. Subscription mode (when the target offers TMQ) against a plain TMQ consumer
 * draining the topic the connector created, from the start, in a new consumer group. One more query path shows the
 * bulk-copy settings: larger steps and producer batches ({@code producer.override.*}). Run by
 * {@code bench/source-bench.sh}; uses TDENGINE_URL when set.
 */
public final class SourceBenchmark {

    private static final String DATABASE = "bench_source";
    private static final String STABLE = "meters";
    /** The TDengine topic subscription mode creates for {@code meters} (see the connector's TmqTopics). */
    private static final String TMQ_TOPIC = "tdconnect_" + DATABASE + "_" + STABLE;

    private SourceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.lines", 200_000);
        try (KafkaBroker broker = KafkaBroker.start(); TDengineTarget td = TDengineTarget.fromEnvironment();
             ConnectWorker worker = ConnectWorker.start(ConnectWorker.Version.KAFKA_4, broker.bootstrapServers(),
                     "bench-source", "bench-source-worker",
                     // Lets one path show what the producer's settings give (producer.override.*).
                     Map.of("connector.client.config.override.policy", "All"))) {
            if (td.offersTmq()) {
                td.execute("DROP TOPIC IF EXISTS `" + TMQ_TOPIC + "`");
            }
            td.dropDatabase(DATABASE);
            DirectWriter.write(td, DATABASE, SinkBenchmark.meters(rows));
            Measure.say(rows + " rows in " + DATABASE + "." + STABLE + " (100 subtables); TDengine: "
                    + (td.isStandIn() ? "STAND-IN" : td.connectionUrl()));
            Bench bench = new Bench(worker, broker, td, rows);

            List<String> modes = List.of(System.getProperty("bench.modes", "query,subscription").split(","));
            // The worker's first run of a format compiles its hot paths (and the broker's for records of that size);
            // measured, that would be charged to whichever path of the format came first.
            bench.source("warmup", Map.of("read.method", "query", "tasks.max", "1"));
            if (modes.contains("query")) {
                measureQueryMode(td, bench, rows);
            }
            if (modes.contains("subscription")) {
                measureSubscriptionMode(td, bench, rows);
            }
        }
    }

    /** Subscription mode against a plain TMQ consumer draining the same TDengine topic. */
    private static void measureSubscriptionMode(TDengineTarget td, Bench bench, int rows) throws Exception {
        if (td.offersTmq()) {
            // Warms up the worker's TMQ consumer path first, as the warm-up above did for query mode.
            bench.source("wsub", subscriptionSettings());
            Run subscription = bench.source("sub", subscriptionSettings());
            double tmq = Measure.rate(rows, () -> drainTmq(td, rows));
            Measure.header("rows/s", "TMQ");
            Measure.row("plain TMQ consumer of the same topic", tmq, tmq);
            subscription.print("source, subscription mode, 1 task", tmq);
            dropTopic(td);
        } else {
            Measure.say("subscription mode not measured: TMQ needs a real TDengine over a native or WebSocket URL");
        }
    }

    /** Subscription mode, 1 task, in a consumer group of its own that starts at the topic's first row. */
    private static Map<String, String> subscriptionSettings() {
        return Map.of("read.method", "subscription", "tasks.max", "1",
                "subscription.group.id", "bench_" + UUID.randomUUID().toString().replace("-", ""),
                "subscription.from", "earliest");
    }

    /** Query mode in every format and setting, against a plain JDBC read of the same rows. */
    private static void measureQueryMode(TDengineTarget td, Bench bench, int rows) throws Exception {
        Duration jdbcCpuBefore = ownCpu();
        double jdbc = Measure.rate(rows, () -> readAll(td));
        double jdbcCpu = ownCpu().minus(jdbcCpuBefore).toNanos() / 1e3 / rows;
        bench.source("wjson", Map.of("read.method", "query", "tasks.max", "1", "out.format", "json"));
        bench.source("wstruct", structSettings());
        Run json = bench.source("qjson", Map.of("read.method", "query", "tasks.max", "1", "out.format", "json"));
        Run struct = bench.source("qstruct", structSettings());
        Run oneTask = bench.source("q1", Map.of("read.method", "query", "tasks.max", "1"));
        Run twoTasks = bench.source("q2", Map.of("read.method", "query", "tasks.max", "2"));
        Run batched = bench.source("qbatch", Map.of("read.method", "query", "tasks.max", "1",
                "fetch.max.rows", "10000", "producer.override.linger.ms", "20",
                "producer.override.batch.size", "1048576"));
        Measure.header("rows/s", "JDBC");
        Measure.row("plain JDBC read of every row", jdbc, jdbc);
        Measure.say(String.format(Locale.ROOT, "    CPU %.2f µs/row (the reading JVM)", jdbcCpu));
        oneTask.print("source, query mode, 1 task", jdbc);
        twoTasks.print("source, query mode, 2 tasks", jdbc);
        json.print("... 1 task, out.format=json", jdbc);
        struct.print("... 1 task, out.format=struct (JsonConverter)", jdbc);
        batched.print("... 1 task, fetch 10000, linger 20 ms, batch 1 MB", jdbc);
    }

    private static void readAll(TDengineTarget td) throws Exception {
        try (Connection connection = td.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM " + DATABASE + "." + STABLE)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                for (int i = 1; i <= columns; i++) {
                    result.getObject(i);
                }
            }
        }
    }

    /** Reads every row of the connector's TDengine topic as maps, as subscription mode does, in a new group. */
    private static void drainTmq(TDengineTarget td, int rows) throws Exception {
        try (TaosConsumer<Map<String, Object>> consumer = new TaosConsumer<>(td.tmqConsumerProperties(
                "bench_plain_" + UUID.randomUUID().toString().replace("-", ""), "bench-plain"))) {
            consumer.subscribe(List.of(TMQ_TOPIC));
            int seen = 0;
            long values = 0;
            while (seen < rows) {
                for (ConsumerRecord<Map<String, Object>> record : consumer.poll(Duration.ofMillis(100))) {
                    values += record.value().size();
                    seen++;
                }
            }
            consumer.unsubscribe();
            if (values == 0) {
                throw new IllegalStateException("TMQ rows without values");
            }
        }
    }

    /** TDengine refuses to drop a topic while a consumer of the connector's group is still subscribed. */
    private static void dropTopic(TDengineTarget td) throws InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(60);
        while (true) {
            try {
                td.execute("DROP TOPIC IF EXISTS `" + TMQ_TOPIC + "`");
                return;
            } catch (IllegalStateException e) {
                if (Instant.now().isAfter(giveUp)) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
    }

    private static Map<String, String> structSettings() {
        return Map.of("read.method", "query", "tasks.max", "1", "out.format", "struct",
                "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable", "false");
    }

    private static Duration ownCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow();
    }

    /**
     * One timed connector path: its rate, and the CPU it cost per row in the Connect worker and in the benchmark's
     * own JVM (the Kafka broker and the consumer counting the records).
     */
    /**
     * One measured run: rows/s from connector creation to the last record, CPU per row, and how long the first
     * record took and the rate after it (the start — table discovery, TMQ subscription — weighs on short runs).
     */
    private record Run(double rate, double workerMicrosPerRow, double brokerMicrosPerRow, double firstRecordSeconds,
                       double steadyRate) {

        void print(String path, double baseline) {
            Measure.row(path, rate, baseline);
            Measure.say(String.format(Locale.ROOT, "    first record after %.2f s, then %.0f rows/s (%.0f%%)",
                    firstRecordSeconds, steadyRate, 100 * steadyRate / baseline));
            Measure.say(String.format(Locale.ROOT, "    CPU %.2f µs/row in the worker, %.2f µs/row in broker and counting consumer",
                    workerMicrosPerRow, brokerMicrosPerRow));
        }
    }

    /** Runs the source connector over the rows and times until its Kafka topic holds all of them. */
    private record Bench(ConnectWorker worker, KafkaBroker broker, TDengineTarget td, int rows) {

        Run source(String prefix, Map<String, String> settings) throws Exception {
            Map<String, String> config = new LinkedHashMap<>(td.connectionConfig());
            config.put("connector.class", "com.taosdata.kafka.connect.source.TDengineSourceConnector");
            config.put("connection.database", DATABASE);
            config.put("out.format", "line");
            config.put("topic.prefix", prefix);
            config.put("topic.creation.default.replication.factor", "1");
            config.put("topic.creation.default.partitions", "2");
            // Records carry their rows' timestamps (2023): by those, a default topic rolls a segment per batch and
            // its retention deletes them before they are counted.
            config.put("topic.creation.default.message.timestamp.type", "LogAppendTime");
            config.putAll(settings);
            String topic = prefix + "-" + DATABASE + "-" + STABLE;
            String name = "bench_source_" + prefix;
            ConnectRest rest = worker.rest();
            Duration workerBefore = worker.cpuTime();
            Duration ownBefore = ownCpu();
            AtomicReference<FirstRecords> first = new AtomicReference<>();
            long start = System.nanoTime();
            double rate = Measure.rate(rows, () -> {
                rest.putConnector(name, config);
                first.set(awaitRecords(topic));
            });
            long end = System.nanoTime();
            double workerCpu = worker.cpuTime().minus(workerBefore).toNanos() / 1e3 / rows;
            double ownCpu = ownCpu().minus(ownBefore).toNanos() / 1e3 / rows;
            rest.deleteConnector(name);
            double steady = (rows - first.get().count()) / ((end - first.get().nanos()) / 1e9);
            return new Run(rate, workerCpu, ownCpu, (first.get().nanos() - start) / 1e9, steady);
        }

        /** When the first records arrived ({@link System#nanoTime()}) and how many came with them. */
        private record FirstRecords(long nanos, int count) {
        }

        /** Counts the topic's records up to {@code rows}; returns when the first ones came. */
        private FirstRecords awaitRecords(String topic) throws InterruptedException {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                // The connector creates its topic with its first records.
                while (!broker.topics().contains(topic)) {
                    Thread.sleep(100);
                }
                consumer.subscribe(List.of(topic));
                int seen = 0;
                FirstRecords first = null;
                while (seen < rows) {
                    seen += consumer.poll(Duration.ofMillis(200)).count();
                    if (first == null && seen > 0) {
                        first = new FirstRecords(System.nanoTime(), seen);
                    }
                }
                return first;
            }
        }
    }
}
