package com.taosdata.kafka.connect.it.bench;

import com.taosdata.kafka.connect.it.harness.ConnectRest;
import com.taosdata.kafka.connect.it.harness.ConnectWorker;
import com.taosdata.kafka.connect.it.harness.KafkaBroker;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Rows/s and CPU per row from a pre-filled {@code meters} super table (100 subtables) to a Kafka topic, in one run,
 * each connector path against the program a user would write instead, measured in the same run in a JVM of its own:
 * query mode against one JDBC {@code SELECT} of the super table feeding a {@code KafkaProducer} ({@link QueryProducer}),
 * with 1 and 2 tasks; subscription mode (when the target offers TMQ) against the driver's {@code TaosConsumer} on the
 * same TDengine topic feeding a {@code KafkaProducer} ({@link TmqProducer}), with 1 and 2 tasks. With the
 * {@code formats} mode also {@code out.format=json} and {@code struct} (through Connect's JsonConverter) and the
 * bulk-copy settings (larger steps and producer batches, {@code producer.override.*}). Every path prints its client CPU
 * per row (the worker's JVM, the program's JVM) and the server's (taosd, taosAdapter) when it runs on this machine.
 *
 * <p>System properties (set by {@code bench/source-bench.sh}): {@code bench.lines} rows; {@code bench.modes};
 * {@code bench.database}; {@code bench.precision} of the database ({@code ns}, {@code us}, {@code ms});
 * {@code bench.insert}: {@code lines} (the schemaless writer, 100 rows per millisecond, in 2023) or {@code sql}
 * ({@link RoundRobinInserts}, one row per millisecond, in the past day); {@code bench.consumer}: {@code none}, {@code jvm}
 * (a {@link ParsingConsumer} in another JVM reading every path's topic while it runs) or {@code both} (query mode
 * measured without, then with it). Uses TDENGINE_URL when
 * set.
 */
public final class SourceBenchmark {

    private static final String DATABASE = System.getProperty("bench.database", "bench_source");
    private static final String STABLE = "meters";
    /** The TDengine topic subscription mode creates for {@code meters} (see the connector's TmqTopics). */
    private static final String TMQ_TOPIC = "tdconnect_" + DATABASE + "_" + STABLE;
    /** Rows the hand-written programs copy before their measured pass. */
    private static final int WARM_UP_ROWS = 100_000;

    private SourceBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.lines", 200_000);
        String precision = System.getProperty("bench.precision", "ns");
        String insert = System.getProperty("bench.insert", "lines");
        String consumerSetting = System.getProperty("bench.consumer", "none");
        boolean parsingConsumer = "jvm".equals(consumerSetting);
        Path work = Path.of(System.getProperty("it.work.dir", "target/bench-work"));
        Files.createDirectories(work);
        Process consumer = null;
        try (KafkaBroker broker = KafkaBroker.start();
                TDengineTarget td = TDengineTarget.fromEnvironment();
                ConnectWorker worker = ConnectWorker.start(
                        ConnectWorker.Version.KAFKA_4,
                        broker.bootstrapServers(),
                        "bench-source",
                        "bench-source-worker",
                        Map.of(
                                // Lets one path show what the producer's settings give (producer.override.*).
                                "connector.client.config.override.policy",
                                "All",
                                "plugin.path",
                                System.getProperty("it.plugin.path") + "," + FloorPlugin.install(work)))) {
            if (td.offersTmq()) {
                td.execute("DROP TOPIC IF EXISTS `" + TMQ_TOPIC + "`");
            }
            td.dropDatabase(DATABASE);
            if ("sql".equals(insert)) {
                RoundRobinInserts.write(td, DATABASE, precision, rows);
            } else {
                td.execute("CREATE DATABASE `" + DATABASE + "` PRECISION '" + precision + "'");
                DirectWriter.write(td, DATABASE, SinkBenchmark.meters(rows));
            }
            Measure.say(rows + " rows in " + DATABASE + "." + STABLE + " (100 subtables, precision " + precision
                    + ", written by "
                    + ("sql".equals(insert)
                            ? "round-robin multi-table INSERTs of " + RoundRobinInserts.ROWS_PER_INSERT + " rows"
                            : "the schemaless writer")
                    + "); TDengine: "
                    + (td.isStandIn() ? "STAND-IN" : td.connectionUrl()) + "; worker JVM options: "
                    + System.getenv().getOrDefault("TDCONNECT_WORKER_JAVA_OPTS", "(the suites')"));
            if (parsingConsumer) {
                consumer = ChildJvm.start(
                        ParsingConsumer.class,
                        work.resolve("parsing-consumer.log"),
                        broker.bootstrapServers(),
                        ".*-" + DATABASE + "-" + STABLE);
                Measure.say("a consumer in another JVM parses every record of every path while it runs");
            }
            Bench bench = new Bench(worker, broker, td, rows, work);

            List<String> modes = List.of(
                    System.getProperty("bench.modes", "query,subscription").split(","));
            // The worker's first run of a format compiles its hot paths (and the broker's for records of that size);
            // measured, that would be charged to whichever path of the format came first.
            bench.source("warmup", Map.of("read.method", "query", "tasks.max", "1"));
            if (modes.contains("query") && "both".equals(consumerSetting)) {
                // The same paths without and then with a consumer beside them: what a reader of the topic costs.
                measureQueryMode(bench, "");
                consumer = ChildJvm.start(
                        ParsingConsumer.class,
                        work.resolve("parsing-consumer.log"),
                        broker.bootstrapServers(),
                        ".*-" + DATABASE + "-" + STABLE);
                Measure.say("from here on, a consumer in another JVM parses every record of every path while it runs");
                measureQueryMode(bench, "c");
            } else if (modes.contains("query")) {
                measureQueryMode(bench, "");
            }
            if (modes.contains("formats")) {
                measureFormats(td, bench, rows);
            }
            if (modes.contains("subscription")) {
                measureSubscriptionMode(td, bench, rows);
            }
            // Left behind, the rows hold the server's memory (0x3b1 "No enough memory in dnode" for the next database).
            td.dropDatabase(DATABASE);
        } finally {
            if (consumer != null) {
                consumer.destroy();
                consumer.waitFor();
            }
        }
    }

    /**
     * Query mode, 1 and 2 tasks, between two runs of the hand-written query → producer program; {@code tag} tells the
     * topics of a second measurement in the run apart.
     */
    private static void measureQueryMode(Bench bench, String tag) throws Exception {
        PathRun loopBefore = bench.queryProducer("hq1" + tag);
        PathRun oneTask = bench.source("q1" + tag, Map.of("read.method", "query", "tasks.max", "1"));
        PathRun twoTasks = bench.source("q2" + tag, Map.of("read.method", "query", "tasks.max", "2"));
        PathRun replayOne = bench.replay("r1" + tag, 1);
        PathRun replayTwo = bench.replay("r2" + tag, 2);
        PathRun loopAfter = bench.queryProducer("hq2" + tag);
        PathRun loop = mean(loopBefore, loopAfter);
        Measure.say("rows/s over the whole path; CPU µs/row: client = the Connect worker's JVM or the program's, "
                + "server = taosd and taosAdapter; (xN) = ratio to the baseline's");
        Measure.header("rows/s", "loop");
        loopBefore.print("SELECT -> KafkaProducer, run before", loop);
        loopAfter.print("SELECT -> KafkaProducer, run after", loop);
        oneTask.print("source, query mode, 1 task", loop);
        twoTasks.print("source, query mode, 2 tasks", loop);
        replayOne.print("Connect alone (source task sending ready lines), 1 task", loop);
        replayTwo.print("Connect alone (source task sending ready lines), 2 tasks", loop);
        Measure.say(String.format(
                Locale.ROOT,
                "query mode: 1 task = %.2f x the loop; 2 tasks = %.2f x 1 task; Connect alone, 1 task = %.2f x the"
                        + " loop",
                oneTask.rate() / loop.rate(),
                twoTasks.rate() / oneTask.rate(),
                replayOne.rate() / loop.rate()));
    }

    /** The mean of two runs of one path, the baseline the others are held against. */
    private static PathRun mean(PathRun a, PathRun b) {
        return new PathRun(
                (a.rate() + b.rate()) / 2,
                (a.clientMicros() + b.clientMicros()) / 2,
                (a.taosdMicros() + b.taosdMicros()) / 2,
                (a.adapterMicros() + b.adapterMicros()) / 2,
                Double.NaN,
                Double.NaN);
    }

    /** Subscription mode, 1 and 2 tasks, against the TMQ consumer → producer program on the same TDengine topic. */
    private static void measureSubscriptionMode(TDengineTarget td, Bench bench, int rows) throws Exception {
        if (td.offersTmq()) {
            // Warms up the worker's TMQ consumer path first, as the warm-up above did for query mode.
            bench.source("wsub", subscriptionSettings("1"));
            PathRun oneTask = bench.source("sub", subscriptionSettings("1"));
            PathRun twoTasks = bench.source("sub2", subscriptionSettings("2"));
            PathRun loop = bench.tmqProducer("htmq");
            Measure.header("rows/s", "loop");
            loop.print("TaosConsumer -> KafkaProducer", loop);
            oneTask.print("source, subscription mode, 1 task", loop);
            twoTasks.print("source, subscription mode, 2 tasks", loop);
            Measure.say(String.format(
                    Locale.ROOT,
                    "subscription mode: 1 task = %.2f x the loop; 2 tasks = %.2f x 1 task",
                    oneTask.rate() / loop.rate(),
                    twoTasks.rate() / oneTask.rate()));
            dropTopic(td);
        } else {
            Measure.say("subscription mode not measured: TMQ needs a real TDengine over a native or WebSocket URL");
        }
    }

    /** Subscription mode in a consumer group of its own that starts at the topic's first row. */
    private static Map<String, String> subscriptionSettings(String tasks) {
        return Map.of(
                "read.method",
                "subscription",
                "tasks.max",
                tasks,
                "subscription.group.id",
                "bench_" + UUID.randomUUID().toString().replace("-", ""),
                "subscription.from",
                "earliest");
    }

    /** Query mode in the other formats and with bulk-copy settings, against a plain JDBC read of the same rows. */
    private static void measureFormats(TDengineTarget td, Bench bench, int rows) throws Exception {
        Duration jdbcCpuBefore = ownCpu();
        double jdbc = Measure.rate(rows, () -> readAll(td));
        double jdbcCpu = ownCpu().minus(jdbcCpuBefore).toNanos() / 1e3 / rows;
        bench.source("wjson", Map.of("read.method", "query", "tasks.max", "1", "out.format", "json"));
        bench.source("wstruct", structSettings());
        PathRun json = bench.source("qjson", Map.of("read.method", "query", "tasks.max", "1", "out.format", "json"));
        PathRun struct = bench.source("qstruct", structSettings());
        PathRun batched = bench.source(
                "qbatch",
                Map.of(
                        "read.method",
                        "query",
                        "tasks.max",
                        "1",
                        "fetch.max.rows",
                        "10000",
                        "producer.override.linger.ms",
                        "20",
                        "producer.override.batch.size",
                        "1048576"));
        PathRun read = new PathRun(jdbc, jdbcCpu, -1, -1, Double.NaN, Double.NaN);
        Measure.header("rows/s", "JDBC");
        Measure.row("plain JDBC read of every row (no Kafka)", jdbc, jdbc);
        Measure.say(String.format(Locale.ROOT, "    CPU %.2f µs/row (the bench JVM, broker included)", jdbcCpu));
        json.print("source, 1 task, out.format=json", read);
        struct.print("source, 1 task, out.format=struct (JsonConverter)", read);
        batched.print("source, 1 task, fetch 10000, linger 20 ms, batch 1 MB", read);
    }

    private static void readAll(TDengineTarget td) throws Exception {
        try (Connection connection = td.connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM " + DATABASE + "." + STABLE)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                for (int i = 1; i <= columns; i++) {
                    result.getObject(i);
                }
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
        return Map.of(
                "read.method",
                "query",
                "tasks.max",
                "1",
                "out.format",
                "struct",
                "value.converter",
                "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable",
                "false");
    }

    private static Duration ownCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow();
    }

    /** Runs the source connector, or a hand-written program, over the rows and times until Kafka has all of them. */
    private record Bench(ConnectWorker worker, KafkaBroker broker, TDengineTarget td, int rows, Path work) {

        /** The query → producer program ({@link QueryProducer}) into a topic named with {@code prefix}. */
        PathRun queryProducer(String prefix) throws Exception {
            String topic = topicFor(prefix);
            broker.createTopic(topic, 2);
            broker.createTopic(topic + "-warm", 2);
            return served(PathRun.parse(ChildJvm.run(
                    QueryProducer.class,
                    work.resolve(prefix + ".log"),
                    broker.bootstrapServers(),
                    td.connectionUrl(),
                    td.user(),
                    td.password(),
                    DATABASE,
                    STABLE,
                    topic,
                    topic + "-warm",
                    Integer.toString(Math.min(rows, WARM_UP_ROWS)))));
        }

        /** The TMQ consumer → producer program ({@link TmqProducer}) on the connector's TDengine topic. */
        PathRun tmqProducer(String prefix) throws Exception {
            String topic = topicFor(prefix);
            broker.createTopic(topic, 2);
            broker.createTopic(topic + "-warm", 2);
            return PathRun.parse(ChildJvm.run(
                    TmqProducer.class,
                    work.resolve(prefix + ".log"),
                    broker.bootstrapServers(),
                    TMQ_TOPIC,
                    topic,
                    topic + "-warm",
                    Integer.toString(rows),
                    Integer.toString(Math.min(rows, WARM_UP_ROWS))));
        }

        /** The run as printed: a server on this machine that is not the stand-in did not serve it. */
        private PathRun served(PathRun run) {
            return td.isStandIn() ? run.withoutServer() : run;
        }

        /** The topic a path writes: the connector's name for it ({@code topic.prefix}-database-super table). */
        private static String topicFor(String prefix) {
            return prefix + "-" + DATABASE + "-" + STABLE;
        }

        PathRun source(String prefix, Map<String, String> settings) throws Exception {
            Map<String, String> config = new LinkedHashMap<>(td.connectionConfig());
            config.put("connector.class", "com.taosdata.kafka.connect.source.TDengineSourceConnector");
            config.put("connection.database", DATABASE);
            config.put("out.format", "line");
            config.put("topic.prefix", prefix);
            config.putAll(topicCreation());
            config.putAll(settings);
            return timed("bench_source_" + prefix, config, topicFor(prefix));
        }

        /**
         * Connect's own share: {@link com.taosdata.kafka.connect.it.bench.floor.ReplaySourceConnector}, which sends
         * the same number of ready-made lines shaped as query mode's records and reads nothing, timed as the source.
         */
        PathRun replay(String prefix, int tasks) throws Exception {
            Map<String, String> config = new LinkedHashMap<>();
            config.put("connector.class", "com.taosdata.kafka.connect.it.bench.floor.ReplaySourceConnector");
            config.put("tasks.max", Integer.toString(tasks));
            config.put("topic", topicFor(prefix));
            config.put("rows", Integer.toString(rows));
            config.putAll(topicCreation());
            return timed("bench_replay_" + prefix, config, topicFor(prefix));
        }

        private static Map<String, String> topicCreation() {
            return Map.of(
                    "topic.creation.default.replication.factor",
                    "1",
                    "topic.creation.default.partitions",
                    "2",
                    // Records carry their rows' timestamps (2023): by those, a default topic rolls a segment per batch
                    // and its retention deletes them before they are counted.
                    "topic.creation.default.message.timestamp.type",
                    "LogAppendTime");
        }

        /** Creates the connector and times it until {@code topic} holds every row; deletes it after. */
        private PathRun timed(String name, Map<String, String> config, String topic) throws Exception {
            ConnectRest rest = worker.rest();
            Duration workerBefore = worker.cpuTime();
            ServerCpu.Sample serverBefore = ServerCpu.now();
            long start = System.nanoTime();
            rest.putConnector(name, config);
            FirstRecords first = awaitRecords(topic);
            long end = System.nanoTime();
            PathRun run = PathRun.of(
                    rows, (end - start) / 1e9, worker.cpuTime().minus(workerBefore), serverBefore, ServerCpu.now());
            rest.deleteConnector(name);
            double steady = (rows - first.count()) / ((end - first.nanos()) / 1e9);
            return served(run.withStart((first.nanos() - start) / 1e9, steady));
        }

        /** When the first records arrived ({@link System#nanoTime()}) and how many came with them. */
        private record FirstRecords(long nanos, int count) {}

        /** Counts the topic's records up to {@code rows}; returns when the first ones came. */
        private FirstRecords awaitRecords(String topic) throws InterruptedException {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
            try (KafkaConsumer<byte[], byte[]> consumer =
                    new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
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
