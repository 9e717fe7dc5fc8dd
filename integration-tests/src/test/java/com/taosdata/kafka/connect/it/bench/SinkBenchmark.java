package com.taosdata.kafka.connect.it.bench;

import com.taosdata.kafka.connect.it.harness.AvroStack;
import com.taosdata.kafka.connect.it.harness.ConnectRest;
import com.taosdata.kafka.connect.it.harness.ConnectWorker;
import com.taosdata.kafka.connect.it.harness.KafkaBroker;
import com.taosdata.kafka.connect.it.harness.SchemaRegistry;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * One run, every rate on the same pre-filled topic of {@code meters} lines: the raw Kafka consumer, TDengine's own
 * schemaless writer (10,000 lines per call) with 1 and 2 threads, the program a user would write instead of Connect
 * (KafkaConsumer threads feeding that writer, {@link ConsumerPipeline}), and the sink end to end with its default
 * configuration, with 1 and 2 tasks; then the same rows as Avro records through a real schema registry, Apicurio's
 * converter and {@code ToLineProtocol}, against the line sink; then those Avro records written with their types
 * ({@code write.method=stmt}) into a pre-created typed super table (1 and 2 tasks) and one the sink creates, against
 * the Avro line sink and the direct schemaless writer; and Connect alone, a connector whose tasks discard every record
 * ({@link com.taosdata.kafka.connect.it.bench.floor.DiscardingSinkConnector}). Printed with the ratios. Run by {@code bench/sink-bench.sh}; uses TDENGINE_URL when set.
 */
public final class SinkBenchmark {

    private static final int WARM_UP_LINES = 500_000;
    /** How often a sink run's progress is read from the worker's JMX. */
    private static final int PROGRESS_EVERY_MS = 20;
    /** Partitions of every topic the sink runs read. */
    private static final int TOPIC_PARTITIONS = 2;
    /** Longest a connector run may take: a run that stalls fails the benchmark rather than hanging it. */
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    private SinkBenchmark() {}

    public static void main(String[] args) throws Exception {
        int lines = Integer.getInteger("bench.lines", 1_000_000);
        List<String> meters = meters(lines);
        int jmxPort = ConnectWorker.freePort();
        CompletableFuture<SchemaRegistry> startingRegistry =
                CompletableFuture.supplyAsync(SinkBenchmark::startRegistry);
        try (KafkaBroker broker = KafkaBroker.start();
                TDengineTarget td = TDengineTarget.fromEnvironment();
                ConnectWorker worker = ConnectWorker.start(
                        ConnectWorker.Version.KAFKA_4,
                        broker.bootstrapServers(),
                        "bench",
                        "bench-worker",
                        workerSettings(),
                        ConnectWorker.remoteJmxOptions(jmxPort));
                WorkerJmx jmx = WorkerJmx.connect(jmxPort);
                SchemaRegistry registry = startingRegistry.join()) {
            Connect connect = new Connect(worker, jmx);
            String topic = "bench_meters";
            broker.createTopic(topic, TOPIC_PARTITIONS);
            for (int from = 0; from < lines; from += 50_000) {
                broker.produce(topic, meters.subList(from, Math.min(lines, from + 50_000)));
            }
            String avroTopic = "bench_meters_avro";
            broker.createTopic(avroTopic, TOPIC_PARTITIONS);
            broker.produceBytes(avroTopic, null, AvroMeters.serialized(registry, avroTopic, lines));
            // Every path runs once on a smaller topic first, with the task counts measured after it, so no measured run
            // pays for JIT compilation and class loading that a long-running worker (or writer) has long done: with
            // one warm-up of 200,000 lines and 2 tasks, the worker's C2 compiler threads took 0.2-0.5 of a core
            // through the measured 1-task run (per-thread CPU from /proc), 2 µs of its 10-12 µs per line.
            int warmUp = Math.min(WARM_UP_LINES, lines);
            broker.createTopic("bench_warmup", TOPIC_PARTITIONS);
            broker.produce("bench_warmup", meters.subList(0, warmUp));
            broker.createTopic("bench_warmup_avro", TOPIC_PARTITIONS);
            broker.produceBytes(
                    "bench_warmup_avro", null, AvroMeters.serialized(registry, "bench_warmup_avro", warmUp));
            Measure.say("topics " + topic + " and " + avroTopic + " hold " + lines
                    + " meters rows each, as lines and as Avro; " + "TDengine: "
                    + (td.isStandIn() ? "STAND-IN" : td.connectionUrl()));

            String paths = System.getenv().getOrDefault("BENCH_SINK_PATHS", "all");
            boolean avro = !"line".equals(paths);
            boolean line = !"typed".equals(paths);
            direct(td, "bench_warmup_direct", meters.subList(0, warmUp), line ? 2 : 1);
            for (int tasks = 1; tasks <= (line ? 2 : 1); tasks++) {
                sink(connect, td, "bench_warmup", warmUp, tasks, Map.of());
            }
            if (avro) {
                sink(connect, td, "bench_warmup_avro", warmUp, 1, AvroMeters.sinkSettings(registry));
                // The typed paths as measured: with and without auto.create take other branches, and a branch a
                // warm-up never took costs a deoptimisation and a compilation in the measured run.
                Map<String, String> typed = AvroMeters.typedSettings(registry);
                for (int tasks = 1; tasks <= 2; tasks++) {
                    sink(
                            connect,
                            td,
                            "bench_warmup_avro",
                            "bench_warmup_typed",
                            warmUp,
                            tasks,
                            typed,
                            AvroMeters::superTableDdl);
                }
                sink(connect, td, "bench_warmup_avro", "bench_warmup_typed_auto", warmUp, 1, autoCreate(typed), null);
            }

            Run direct1 = direct(td, "bench_direct_1", meters, 1);
            if (!line) {
                Run sink1 = sink(connect, td, topic, lines, 1, Map.of());
                avroPaths(connect, td, registry, avroTopic, lines, direct1, sink1);
                return;
            }
            double consumer = Measure.rate(lines, () -> consumeAll(broker, topic, lines));
            Run direct2 = direct(td, "bench_direct_2", meters, 2);
            Run pipeline1 = pipeline(broker, td, topic, "bench_pipeline_1", lines, 1);
            Run pipeline2 = pipeline(broker, td, topic, "bench_pipeline_2", lines, 2);
            Run sink1 = sink(connect, td, topic, lines, 1, Map.of());
            Run sink2 = sink(connect, td, topic, lines, 2, Map.of());
            Run connect1 = discarding(connect, topic, lines, 1);
            Run connect2 = discarding(connect, topic, lines, 2);

            Measure.say(
                    "rates are lines/s over the whole run; steady = from the first row in TDengine to the last; "
                            + "CPU = client-side CPU-µs per line (the bench JVM for direct writes, the Connect worker for the sink)");
            Measure.header("lines/s", "direct");
            Measure.row("raw Kafka consumer", consumer, direct1.rate());
            direct1.print("direct schemaless writer, 1 thread", direct1);
            direct2.print("direct schemaless writer, 2 threads", direct2);
            sink1.print("tdconnect sink, default config, 1 task", direct1);
            sink2.print("tdconnect sink, default config, 2 tasks", direct2);
            Measure.say(String.format(Locale.ROOT, "2 tasks vs 1 task: %.0f%%", 100 * sink2.rate() / sink1.rate()));
            Measure.header("lines/s", "pipeline");
            pipeline1.print("consumer -> schemaless writer, 1 thread", pipeline1);
            pipeline2.print("consumer -> schemaless writer, 2 threads", pipeline2);
            sink1.print("tdconnect sink, 1 task", pipeline1);
            sink2.print("tdconnect sink, 2 tasks", pipeline2);
            printFloor("Connect alone (sink task writing nothing), 1 task", connect1, pipeline1, direct1);
            printFloor("Connect alone (sink task writing nothing), 2 tasks", connect2, pipeline2, direct2);
            if (avro) {
                avroPaths(connect, td, registry, avroTopic, lines, direct1, sink1);
            }
        }
    }

    /**
     * The Avro rows through {@code ToLineProtocol} and the line sink, then written with their types into a pre-created
     * super table (1 and 2 tasks) and one the sink creates; skipped with {@code BENCH_SINK_PATHS=line}.
     */
    private static void avroPaths(
            Connect connect,
            TDengineTarget td,
            SchemaRegistry registry,
            String avroTopic,
            int lines,
            Run direct1,
            Run sink1)
            throws Exception {
        Run avro1 = sink(connect, td, avroTopic, lines, 1, AvroMeters.sinkSettings(registry));
        Map<String, String> typed = AvroMeters.typedSettings(registry);
        Run typed1 = sink(connect, td, avroTopic, "bench_typed", lines, 1, typed, AvroMeters::superTableDdl);
        Run typedAuto = sink(connect, td, avroTopic, "bench_typed_auto", lines, 1, autoCreate(typed), null);
        Run typed2 = sink(connect, td, avroTopic, "bench_typed", lines, 2, typed, AvroMeters::superTableDdl);
        Run avroFloor = discarding(
                connect, avroTopic, "bench_discarding_avro", lines, 1, AvroMeters.converterSettings(registry));
        Run avroFloor2 = discarding(
                connect, avroTopic, "bench_discarding_avro", lines, 2, AvroMeters.converterSettings(registry));
        Measure.header("rows/s", "line sink");
        avro1.print("Avro + ToLineProtocol sink, 1 task", sink1);
        Measure.header("rows/s", "Avro line sink");
        typed1.print("Avro typed sink (write.method=stmt), pre-created super table, 1 task", avro1);
        typedAuto.print("Avro typed sink, auto.create, 1 task", avro1);
        typed2.print("Avro typed sink, pre-created super table, 2 tasks", avro1);
        Measure.say(String.format(
                Locale.ROOT,
                "typed sink, 1 task, vs the direct schemaless writer (no Kafka): %.0f%%;"
                        + " worker CPU per row vs the Avro line sink's: %.2f (once rows flow: %.2f); 2 tasks vs 1 task:"
                        + " %.0f%%",
                100 * typed1.rate() / direct1.rate(),
                typed1.cpuMicrosPerLine() / avro1.cpuMicrosPerLine(),
                typed1.steadyCpuMicrosPerLine() / avro1.steadyCpuMicrosPerLine(),
                100 * typed2.rate() / typed1.rate()));
        double floor = avroFloor.cpuMicrosPerLine();
        double steadyFloor = avroFloor.steadyCpuMicrosPerLine();
        Measure.say(String.format(
                Locale.ROOT,
                "Connect alone with the Avro converter (sink task writing nothing), 1 task: %.0f rows/s, CPU %.2f"
                        + " µs/row; on top of it the typed sink costs %.2f µs/row, the Avro line sink %.2f: %.2f"
                        + " (once rows flow: %.2f, %.2f and %.2f: %.2f)",
                avroFloor.rate(),
                floor,
                typed1.cpuMicrosPerLine() - floor,
                avro1.cpuMicrosPerLine() - floor,
                (typed1.cpuMicrosPerLine() - floor) / (avro1.cpuMicrosPerLine() - floor),
                steadyFloor,
                typed1.steadyCpuMicrosPerLine() - steadyFloor,
                avro1.steadyCpuMicrosPerLine() - steadyFloor,
                (typed1.steadyCpuMicrosPerLine() - steadyFloor) / (avro1.steadyCpuMicrosPerLine() - steadyFloor)));
        // Whether a second task's extra cost per row is the sink's or comes with any second task on this machine.
        Measure.say(String.format(
                Locale.ROOT,
                "2 tasks vs 1, worker CPU per row: Connect alone with the Avro converter %.2f vs %.2f µs/row (%+.0f%%),"
                        + " the typed sink %.2f vs %.2f (%+.0f%%)",
                avroFloor2.cpuMicrosPerLine(),
                floor,
                100 * (avroFloor2.cpuMicrosPerLine() / floor - 1),
                typed2.cpuMicrosPerLine(),
                typed1.cpuMicrosPerLine(),
                100 * (typed2.cpuMicrosPerLine() / typed1.cpuMicrosPerLine() - 1)));
        int rounds = Integer.parseInt(System.getenv().getOrDefault("BENCH_SINK_ROUNDS", "1"));
        if (rounds > 1) {
            TypedRounds all = new TypedRounds();
            all.add(new TypedRounds.Round(avro1, typed1, typed2));
            for (int round = 2; round <= rounds; round++) {
                // Connectors of their own: a consumer group that has read the topic once would read nothing of it.
                String suffix = "_r" + round;
                Run avroLine = sink(
                        connect,
                        td,
                        avroTopic,
                        "bench_sink_avro" + suffix,
                        lines,
                        1,
                        AvroMeters.sinkSettings(registry),
                        null);
                Run[] typedRuns = new Run[2];
                for (int tasks = 1; tasks <= 2; tasks++) {
                    typedRuns[tasks - 1] = sink(
                            connect,
                            td,
                            avroTopic,
                            "bench_typed" + suffix,
                            lines,
                            tasks,
                            typed,
                            AvroMeters::superTableDdl);
                }
                all.add(new TypedRounds.Round(avroLine, typedRuns[0], typedRuns[1]));
            }
            all.print();
        }
    }

    /**
     * Apicurio's converter beside the plugin, and offsets committed every 10 s as Kafka's own
     * {@code connect-distributed.properties} sets (the suites' workers commit every second, and every commit hands the
     * sink's partial buffers to the writer).
     */
    private static Map<String, String> workerSettings() {
        Map<String, String> settings = new LinkedHashMap<>(AvroStack.workerSettings());
        settings.put("offset.flush.interval.ms", "10000");
        Path work = Path.of(System.getProperty("it.work.dir", "target/bench-work"));
        settings.put("plugin.path", settings.get("plugin.path") + "," + FloorPlugin.install(work));
        return settings;
    }

    /** {@code BENCH_SINK_SETTINGS="key=value,key=value"}: settings every sink path adds to its connector's. */
    private static Map<String, String> extraSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        String given = System.getenv("BENCH_SINK_SETTINGS");
        if (given != null && !given.isBlank()) {
            for (String setting : given.split(",")) {
                String[] keyValue = setting.split("=", 2);
                if (keyValue.length != 2) {
                    throw new IllegalArgumentException("BENCH_SINK_SETTINGS: '" + setting + "' is not key=value");
                }
                settings.put(keyValue[0].trim(), keyValue[1].trim());
            }
        }
        return settings;
    }

    private static SchemaRegistry startRegistry() {
        try {
            return SchemaRegistry.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * One timed path: its rate, the rate once the first row has landed, when that was, and its CPU cost per line, over
     * the whole run and once rows flow (without the connector's start: its tasks, consumer group, first fetches).
     */
    record Run(
            double rate,
            double steadyRate,
            double firstRowSeconds,
            double cpuMicrosPerLine,
            double steadyCpuMicrosPerLine,
            String serverCpu,
            String requests) {

        void print(String path, Run baseline) {
            Measure.row(path, rate, baseline.rate);
            Measure.say(String.format(
                    Locale.ROOT,
                    "    steady %.0f lines/s (%.0f%%), first row after %.2f s, CPU %.2f µs/line (%.2f once rows flow);"
                            + " %s%n[tdconnect bench]     %s",
                    steadyRate,
                    100 * steadyRate / baseline.steadyRate,
                    firstRowSeconds,
                    cpuMicrosPerLine,
                    steadyCpuMicrosPerLine,
                    serverCpu,
                    requests));
        }
    }

    /**
     * The worker's CPU time when the first rows were seen written (or handed to the tasks), and how many: the CPU per
     * line from there on leaves out the connector's start. Rows converted but not yet written at that moment count
     * among the rows after it without the CPU spent on them before: a batch or two of a million, alike for every path.
     */
    private record Flowing(Duration cpu, long lines) {
        double cpuMicrosPerLine(Duration cpuAfter, int total) {
            return cpuAfter.minus(cpu).toNanos() / 1e3 / (total - lines);
        }
    }

    private static Run direct(TDengineTarget td, String database, List<String> meters, int threads) throws Exception {
        td.dropDatabase(database);
        Duration cpuBefore = ownCpu();
        ServerCpu.Sample serverBefore = ServerCpu.now();
        CallTimes.reset();
        double rate = Measure.rate(meters.size(), () -> DirectWriter.write(td, database, meters, threads));
        double cpu = ownCpu().minus(cpuBefore).toNanos() / 1e3 / meters.size();
        String serverCpu = ServerCpu.now().perRowSince(serverBefore, meters.size());
        String requests = ServerCounts.of(td, database, meters.size())
                + String.format(Locale.ROOT, "; %d lines per call, ", DirectWriter.LINES_PER_CALL)
                + CallTimes.summary();
        td.dropDatabase(database);
        return new Run(rate, rate, 0, cpu, cpu, serverCpu, requests);
    }

    private static Map<String, String> autoCreate(Map<String, String> typedSettings) {
        Map<String, String> settings = new LinkedHashMap<>(typedSettings);
        settings.put("auto.create", "true");
        return settings;
    }

    private static Run sink(
            Connect connect, TDengineTarget td, String topic, int lines, int tasks, Map<String, String> settings)
            throws Exception {
        return sink(connect, td, topic, topic.replace("meters", "sink"), lines, tasks, settings, null);
    }

    /**
     * @param label      names the connector (and its consumer group: every run reads the topic from its start) and its
     *                   database, with the task count
     * @param superTable the DDL of the super table to create before the run, given the database; {@code null} for
     *                   none
     */
    private static Run sink(
            Connect connect,
            TDengineTarget td,
            String topic,
            String label,
            int lines,
            int tasks,
            Map<String, String> settings,
            UnaryOperator<String> superTable)
            throws Exception {
        String name = label + "_" + tasks;
        td.dropDatabase(name);
        if (superTable != null) {
            td.execute("CREATE DATABASE " + name + " PRECISION 'ns'");
            td.execute(superTable.apply(name));
        }
        Map<String, String> config = SinkConfigs.sink(td, topic, name);
        config.remove("batch.linger.ms");
        config.put("tasks.max", Integer.toString(tasks));
        // The suites' broker has no initial rebalance delay: a second task's consumer that joins after the first took
        // both partitions makes the group rebalance only when the first hears of it at its next heartbeat, by default
        // 3 s later, most of a short run. With this the group forms within the run's first fifth of a second.
        config.put("consumer.override.heartbeat.interval.ms", "200");
        config.putAll(extraSettings());
        settings.forEach((key, value) -> {
            if (value == null) {
                config.remove(key);
            } else {
                config.put(key, value);
            }
        });
        ConnectRest rest = connect.worker().rest();
        Duration cpuBefore = connect.worker().cpuTime();
        ServerCpu.Sample serverBefore = ServerCpu.now();
        long start = System.nanoTime();
        rest.putConnector(name, config);
        long firstRow = 0;
        Flowing flowing = null;
        WorkerJmx.Written written = new WorkerJmx.Written(0, 0, 0, 0);
        long deadline = start + RUN_TIMEOUT.toNanos();
        while (written.rows() < lines) {
            requireBefore(deadline, name, written.rows(), lines);
            Thread.sleep(PROGRESS_EVERY_MS);
            written = connect.jmx().written(name, tasks);
            if (firstRow == 0 && written.rows() > 0) {
                firstRow = System.nanoTime();
                flowing = new Flowing(connect.worker().cpuTime(), written.rows());
            }
        }
        long end = System.nanoTime();
        Duration cpuAfter = connect.worker().cpuTime();
        double cpu = cpuAfter.minus(cpuBefore).toNanos() / 1e3 / lines;
        String serverCpu = ServerCpu.now().perRowSince(serverBefore, lines);
        awaitRows(td, name + ".meters", lines);
        String requests = ServerCounts.of(td, name, lines)
                + String.format(
                        Locale.ROOT,
                        "; %d batches, %.0f lines per call, %.1f ms each on average, %.1f ms at most",
                        written.batches(),
                        (double) written.rows() / written.batches(),
                        written.latencyMs(),
                        written.maxLatencyMs());
        deleteAndAwaitStop(connect, name, tasks);
        // A million-row database left behind holds the server's memory: a few of them and TDengine answers 0x3b1
        // ("No enough memory in dnode") to the next CREATE DATABASE, the suites' included.
        td.dropDatabase(name);
        return new Run(
                lines / ((end - start) / 1e9),
                lines / ((end - firstRow) / 1e9),
                (firstRow - start) / 1e9,
                cpu,
                flowing.cpuMicrosPerLine(cpuAfter, lines),
                serverCpu,
                requests);
    }

    private static void requireBefore(long deadline, String connector, long done, int lines) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(connector + " handled " + done + " of " + lines + " rows in "
                    + RUN_TIMEOUT.toMinutes() + " minutes; its worker's log is in target/bench-work");
        }
    }

    /**
     * Deletes a connector and waits until the worker has stopped its tasks: Connect stops them after the REST call
     * returns, and a sink task's stop (its writer thread, its connection) would otherwise run in, and be charged to,
     * the next path's measured window.
     */
    private static void deleteAndAwaitStop(Connect connect, String name, int tasks) throws Exception {
        connect.worker().rest().deleteConnector(name);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!connect.jmx().stopped(name, tasks)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the tasks of " + name + " did not stop within 60 s of its deletion");
            }
            Thread.sleep(PROGRESS_EVERY_MS);
        }
    }

    /**
     * Connect's own share: a connector whose tasks discard every record ({@link
     * com.taosdata.kafka.connect.it.bench.floor.DiscardingSinkConnector}) on the same topic, timed until Connect has
     * handed its tasks every record. What a sink costs on top of it is the sink's.
     */
    private static Run discarding(Connect connect, String topic, int lines, int tasks) throws Exception {
        return discarding(connect, topic, "bench_discarding", lines, tasks, Map.of());
    }

    /** @param settings connector settings on top of the floor's own (a converter, say) */
    private static Run discarding(
            Connect connect, String topic, String label, int lines, int tasks, Map<String, String> settings)
            throws Exception {
        String name = label + "_" + tasks;
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "com.taosdata.kafka.connect.it.bench.floor.DiscardingSinkConnector");
        config.put("topics", topic);
        config.put("tasks.max", Integer.toString(tasks));
        config.put("consumer.override.heartbeat.interval.ms", "200");
        config.putAll(settings);
        ConnectRest rest = connect.worker().rest();
        Duration cpuBefore = connect.worker().cpuTime();
        long start = System.nanoTime();
        rest.putConnector(name, config);
        long firstRecord = 0;
        Flowing flowing = null;
        long sent = 0;
        long deadline = start + RUN_TIMEOUT.toNanos();
        while (sent < lines) {
            requireBefore(deadline, name, sent, lines);
            Thread.sleep(PROGRESS_EVERY_MS);
            sent = connect.jmx().sentToTasks(name, tasks);
            if (firstRecord == 0 && sent > 0) {
                firstRecord = System.nanoTime();
                flowing = new Flowing(connect.worker().cpuTime(), sent);
            }
        }
        long end = System.nanoTime();
        Duration cpuAfter = connect.worker().cpuTime();
        double cpu = cpuAfter.minus(cpuBefore).toNanos() / 1e3 / lines;
        deleteAndAwaitStop(connect, name, tasks);
        return new Run(
                lines / ((end - start) / 1e9),
                lines / ((end - firstRecord) / 1e9),
                (firstRecord - start) / 1e9,
                cpu,
                flowing.cpuMicrosPerLine(cpuAfter, lines),
                "",
                "");
    }

    /**
     * Connect alone beside the program: its rate, its worker CPU per line, and that plus the direct writer's against
     * the program's, which is what a sink on Connect would cost if its own work were free.
     */
    private static void printFloor(String path, Run floor, Run pipeline, Run direct) {
        Measure.row(path, floor.rate(), pipeline.rate());
        Measure.say(String.format(
                Locale.ROOT,
                "    steady %.0f lines/s, CPU %.2f µs/line; Connect alone + the direct writer = %.2f µs/line = %.2f x"
                        + " the program's %.2f",
                floor.steadyRate(),
                floor.cpuMicrosPerLine(),
                floor.cpuMicrosPerLine() + direct.cpuMicrosPerLine(),
                (floor.cpuMicrosPerLine() + direct.cpuMicrosPerLine()) / pipeline.cpuMicrosPerLine(),
                pipeline.cpuMicrosPerLine()));
    }

    /** The worker and its JMX: what a sink run drives and watches. */
    private record Connect(ConnectWorker worker, WorkerJmx jmx) {}

    /**
     * The rows the tasks counted as written are in TDengine: counted once the run is timed, and again only if a
     * rebalance made a task write some rows twice, so that their count ran ahead of the table's.
     */
    private static void awaitRows(TDengineTarget td, String table, int lines) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        long rows;
        while ((rows = td.count(table)) < lines) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(table + " holds " + rows + " of " + lines + " rows two minutes after "
                        + "the sink's tasks counted them all as written");
            }
            Thread.sleep(250);
        }
    }

    /** The hand-written consumer → schemaless writer program on the line topic, 1 or 2 threads. */
    private static Run pipeline(
            KafkaBroker broker, TDengineTarget td, String topic, String database, int lines, int threads)
            throws Exception {
        td.dropDatabase(database);
        Duration cpuBefore = ownCpu();
        ServerCpu.Sample serverBefore = ServerCpu.now();
        CallTimes.reset();
        double rate = Measure.rate(
                lines,
                () -> ConsumerPipeline.run(broker.bootstrapServers(), td, topic, TOPIC_PARTITIONS, database, threads));
        double cpu = ownCpu().minus(cpuBefore).toNanos() / 1e3 / lines;
        String serverCpu = ServerCpu.now().perRowSince(serverBefore, lines);
        String requests = ServerCounts.of(td, database, lines)
                + String.format(Locale.ROOT, "; up to %d lines per call, ", DirectWriter.LINES_PER_CALL)
                + CallTimes.summary();
        td.dropDatabase(database);
        return new Run(rate, rate, 0, cpu, cpu, serverCpu, requests);
    }

    private static Duration ownCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow();
    }

    private static void consumeAll(KafkaBroker broker, String topic, int lines) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            int seen = 0;
            while (seen < lines) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                seen += records.count();
            }
        }
    }

    /** Distinct rows: 100 devices in 10 groups, one row per device per millisecond step. */
    static List<String> meters(int lines) {
        List<String> out = new ArrayList<>(lines);
        long t0 = 1700000000000000000L;
        for (int i = 0; i < lines; i++) {
            int device = i % 100;
            out.add("meters,location=California.City" + (device % 10) + ",groupid=" + (device % 10) + ",device=d"
                    + device
                    + " current=" + (10 + (i % 7) * 0.5) + ",voltage=" + (218 + i % 5) + "i32,phase="
                    + (0.3 + (i % 3) * 0.01)
                    + " " + (t0 + (long) (i / 100) * 1_000_000L));
        }
        return out;
    }
}
