package com.taosdata.kafka.connect.it.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.taosdata.kafka.connect.it.harness.ConnectRest;
import com.taosdata.kafka.connect.it.harness.ConnectWorker;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.LineStream;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.it.harness.StreamGate;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A rolling restart of a three-worker Connect cluster, as on every upgrade, then a crash. The cluster runs a sink (six
 * tasks on six partitions) and an exactly-once query-mode source, plus a subscription-mode one where TDengine offers
 * TMQ, while rows stream into Kafka and into TDengine. Each worker in turn is stopped (SIGTERM), the group settles on
 * the other two, and it is started again; then one is killed (SIGKILL). Every restart happens mid-stream: the streams
 * are held at the next fifth of their rows until the cluster recovered. In the end TDengine holds every produced row
 * (a repeated row overwrites itself, so distinct rows are counted), each source topic read committed holds every
 * inserted row exactly once in order, and no task is left FAILED.
 *
 * <p>For each restart the test prints how long the worker took to stop, its work to run elsewhere, the group to
 * settle with it back, and the connectors to catch up with everything streamed meanwhile (from then on they keep up
 * with the streams: full throughput). Rows: {@code -Dit.rolling.rows} or {@code ROLLING_RESTART_ROWS} (each stream,
 * default 6,000), pace: {@code -Dit.rolling.rate} or {@code ROLLING_RESTART_RATE} (rows per second, default 400).
 */
class RollingRestartIT {

    private static final int SINK_TASKS = 6;
    private static final int QUERY_TASKS = 3;
    private static final int SUBSCRIPTION_TASKS = 2;
    /** A stretch of the streams before each of the three restarts and the kill, and one after. */
    private static final int PHASES = 5;

    private static final long PAUSE_MS = 100;
    private static final Duration QUIET = Duration.ofSeconds(5);
    /** Liveness bounds only, generous for a shared two-core machine. */
    private static final Duration SETTLE = Duration.ofMinutes(5);

    private static final Duration DRAIN = Duration.ofMinutes(10);

    @Test
    void noRowLostOrRepeatedWhileEachWorkerRestartsInTurnAndOneIsKilled() throws Exception {
        ItEnvironment env = ItEnvironment.get();
        TDengineTarget td = env.tdengine();
        String bootstrap = env.broker().bootstrapServers();
        int unit = MeterStream.TABLES.size() * PHASES;
        int rows = Math.max(unit, setting("it.rolling.rows", "ROLLING_RESTART_ROWS", 6_000) / unit * unit);
        int rate = setting("it.rolling.rate", "ROLLING_RESTART_RATE", 400);
        int perBatch = Math.max(1, (int) (rate * PAUSE_MS / 1000));
        int perInsert = Math.max(1, perBatch / MeterStream.TABLES.size());

        String group = ItEnvironment.unique("rolling");
        String sink = group + "_sink";
        String sourceDb = group + "_src";
        env.broker().createTopic(sink, SINK_TASKS);
        Meters.create(td, sourceDb);
        Map<String, Integer> taskCounts = new LinkedHashMap<>();
        Map<String, Map<String, String>> configs = new LinkedHashMap<>();
        Map<String, String> sinkConfig = SinkConfigs.sink(td, sink, sink);
        sinkConfig.put("tasks.max", Integer.toString(SINK_TASKS));
        configs.put(sink, sinkConfig);
        taskCounts.put(sink, SINK_TASKS);
        List<String> sources = new ArrayList<>();
        sources.add(group + "_q");
        configs.put(group + "_q", sourceConfig(td, sourceDb, group + "_q", "query", QUERY_TASKS));
        taskCounts.put(group + "_q", QUERY_TASKS);
        if (td.offersTmq()) {
            sources.add(group + "_s");
            configs.put(group + "_s", sourceConfig(td, sourceDb, group + "_s", "subscription", SUBSCRIPTION_TASKS));
            taskCounts.put(group + "_s", SUBSCRIPTION_TASKS);
        }
        System.out.printf(
                Locale.ROOT,
                "[tdconnect-it] rolling restart: %d rows to the sink and %d rows to %s, %d rows/s"
                        + " each, TDengine %s%n",
                rows,
                rows,
                sources,
                rate,
                td.isStandIn() ? "STAND-IN" : td.connectionUrl());

        StreamGate lineGate = new StreamGate(0);
        StreamGate meterGate = new StreamGate(0);
        List<ConnectWorker> workers = new ArrayList<>();
        List<RowTally> tallies = new ArrayList<>();
        try (MeterStream meters = new MeterStream(td, sourceDb, base(rows), rows, perInsert, PAUSE_MS, meterGate);
                LineStream lines = new LineStream(env.broker(), sink, "m", rows, perBatch, PAUSE_MS, lineGate)) {
            for (int w = 1; w <= 3; w++) {
                workers.add(ConnectWorker.start(
                        ConnectWorker.Version.KAFKA_4,
                        bootstrap,
                        group,
                        group + "-w" + w,
                        ExactlyOnceStream.workerOverrides()));
            }
            ConnectRest rest = workers.get(0).rest();
            configs.forEach(rest::putConnector);
            rest.awaitSettled(taskCounts, ids(workers), QUIET, SETTLE);
            for (String source : sources) {
                String topic = SourceConfigs.topic(source, sourceDb, Meters.STABLE);
                await().atMost(SETTLE).until(() -> env.broker().topics().contains(topic));
                tallies.add(new RowTally(bootstrap, topic, meters.base()));
            }
            Progress progress = new Progress(td, sink + ".m", lines, meters, tallies);
            lineGate.allowUpTo(rows / PHASES);
            meterGate.allowUpTo(rows / PHASES);

            for (int step = 1; step < PHASES; step++) {
                int mark = rows / PHASES * step;
                await().atMost(DRAIN).until(() -> {
                    if (meters.failure() != null) {
                        throw new AssertionError("inserting rows into TDengine failed", meters.failure());
                    }
                    return lines.produced() >= mark && meters.inserted() >= mark;
                });
                // The streams go on while the worker restarts, up to the next mark at most.
                lineGate.allowUpTo(mark + rows / PHASES);
                meterGate.allowUpTo(mark + rows / PHASES);
                boolean kill = step == PHASES - 1;
                ConnectWorker victim =
                        kill ? runnerOfFirstSourceTask(rest, sources.get(0), workers) : workers.get(step - 1);
                List<ConnectWorker> others =
                        workers.stream().filter(w -> w != victim).toList();
                rest = others.get(0).rest();
                Instant signalled = Instant.now();
                if (kill) {
                    victim.kill();
                } else {
                    victim.stop(SETTLE);
                }
                Instant stopped = Instant.now();
                Instant moved = rest.awaitSettled(taskCounts, ids(others), QUIET, SETTLE);
                Instant back = moved;
                Instant rejoined = moved;
                if (!kill) {
                    victim.restart();
                    back = Instant.now();
                    rejoined = rest.awaitSettled(taskCounts, ids(workers), QUIET, SETTLE);
                }
                Instant caughtUp = progress.awaitCaughtUp(DRAIN);
                System.out.printf(
                        Locale.ROOT,
                        "[tdconnect-it] rolling restart: %s of %s: stopped %.1f s after the signal;"
                                + " its work ran on the other workers after %.1f s%s; every row streamed until then was"
                                + " delivered after %.1f s (full throughput again)%n",
                        kill ? "SIGKILL" : "SIGTERM",
                        victim.name(),
                        seconds(signalled, stopped),
                        seconds(signalled, moved),
                        kill
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        "; it answered again after %.1f s and the group settled with"
                                                + " it after %.1f s",
                                        seconds(signalled, back),
                                        seconds(signalled, rejoined)),
                        seconds(signalled, caughtUp));
            }

            lines.awaitDone();
            meters.awaitDone();
            assertThat(meters.failure()).as("inserting rows into TDengine").isNull();
            assertThat(lines.produced()).isEqualTo(rows);
            assertThat(meters.inserted()).isEqualTo(rows);
            progress.awaitCaughtUp(DRAIN);
            // Then the topics must stop growing, so that a row repeated late is counted too.
            awaitQuiet(tallies);

            assertThat(td.count(sink + ".m"))
                    .as("rows in TDengine (a repeated row overwrites itself)")
                    .isEqualTo(rows);
            assertThat(missingSequences(td, sink + ".m", rows))
                    .as("produced rows missing in TDengine")
                    .isEmpty();
            for (int i = 0; i < sources.size(); i++) {
                RowTally tally = tallies.get(i);
                assertThat(tally.duplicates().count())
                        .as("%s: records repeating a row: %s", sources.get(i), tally.duplicates())
                        .isZero();
                assertThat(tally.missing(MeterStream.TABLES, meters.insertedPerTable())
                                .count())
                        .as(
                                "%s: inserted rows missing in the topic: %s",
                                sources.get(i), tally.missing(MeterStream.TABLES, meters.insertedPerTable()))
                        .isZero();
                assertThat(tally.outOfOrder().count())
                        .as("%s: records out of timestamp order: %s", sources.get(i), tally.outOfOrder())
                        .isZero();
                System.out.printf(
                        Locale.ROOT,
                        "[tdconnect-it] rolling restart: %s: %d records for %d rows, 0 repeated," + " 0 missing%n",
                        sources.get(i),
                        tally.records(),
                        rows);
            }
            System.out.printf(
                    Locale.ROOT,
                    "[tdconnect-it] rolling restart: sink: %d rows produced, %d distinct rows in"
                            + " TDengine, 0 missing%n",
                    rows,
                    td.count(sink + ".m"));
            List<ConnectWorker> alive =
                    workers.stream().filter(ConnectWorker::isAlive).toList();
            alive.get(0).rest().awaitSettled(taskCounts, ids(alive), QUIET, SETTLE);
            for (String connector : taskCounts.keySet()) {
                assertThat(alive.get(0).rest().taskStates(connector))
                        .as("tasks of %s", connector)
                        .containsOnly("RUNNING")
                        .hasSize(taskCounts.get(connector));
                alive.get(0).rest().deleteConnector(connector);
            }
        } finally {
            tallies.forEach(RowTally::close);
            workers.forEach(ConnectWorker::close);
            if (td.offersTmq()) {
                // TDengine keeps a database a topic reads; the topic goes once the stopped workers' consumers left.
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                    td.execute("DROP TOPIC IF EXISTS `tdconnect_" + sourceDb + "_" + Meters.STABLE + "`");
                    return true;
                });
            }
            td.dropDatabase(sourceDb);
            td.dropDatabase(sink);
        }
    }

    /** How far the connectors got: rows in TDengine, and distinct rows in each source topic. */
    private record Progress(
            TDengineTarget td, String sinkTable, LineStream lines, MeterStream meters, List<RowTally> tallies) {

        /** Waits until the connectors delivered every row streamed until now, and returns when they had. */
        Instant awaitCaughtUp(Duration timeout) {
            int produced = lines.produced();
            int inserted = meters.inserted();
            try {
                await().atMost(timeout)
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> td.count(sinkTable) >= produced
                                && tallies.stream().allMatch(t -> t.distinct() >= inserted));
            } catch (ConditionTimeoutException e) {
                throw new AssertionError(
                        String.format(
                                Locale.ROOT,
                                "not caught up in %s: %d of %d produced rows in" + " TDengine; source topics: %s",
                                timeout,
                                td.count(sinkTable),
                                produced,
                                tallies.stream()
                                        .map(t -> t.distinct() + " of " + inserted + " inserted rows, repeated "
                                                + t.duplicates() + ", missing "
                                                + t.missing(MeterStream.TABLES, meters.insertedPerTable()))
                                        .toList()),
                        e);
            }
            return Instant.now();
        }
    }

    private static Map<String, String> sourceConfig(
            TDengineTarget td, String database, String name, String readMethod, int tasks) {
        Map<String, String> config = ExactlyOnceStream.connectorConfig(td, database, name, readMethod, tasks);
        // Larger reads than the suites' default, for the real server's million rows.
        config.put("fetch.max.rows", "2000");
        // Thousands of rows a second on a busy machine: a transaction of one poll's records took longer than the
        // 5 s the smaller suites allow, and the broker aborted it (the task FAILED, InvalidProducerEpochException).
        // A killed worker's open transaction now holds read-committed readers back for up to this long.
        config.put("producer.override.transaction.timeout.ms", "30000");
        return config;
    }

    /** The first timestamp of the source rows: {@code rows} seconds apart in all, ending an hour ago. */
    private static long base(int rows) {
        return Meters.baseTs() - (long) rows / MeterStream.TABLES.size() * 1000L;
    }

    /** The worker running task 0 of {@code connector}: killing it kills an exactly-once task mid-transaction. */
    private static ConnectWorker runnerOfFirstSourceTask(
            ConnectRest rest, String connector, List<ConnectWorker> workers) {
        JsonNode status = rest.status(connector);
        String workerId = status.path("tasks").path(0).path("worker_id").asText();
        return workers.stream()
                .filter(w -> w.workerId().equals(workerId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no worker runs task 0 of " + connector + ": " + status));
    }

    private static Set<String> ids(List<ConnectWorker> workers) {
        return workers.stream().map(ConnectWorker::workerId).collect(Collectors.toSet());
    }

    /** Waits until no source topic grew for a few seconds. */
    private static void awaitQuiet(List<RowTally> tallies) {
        List<Integer> last = new ArrayList<>();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(60)).until(() -> {
            List<Integer> counts = tallies.stream().map(RowTally::records).toList();
            boolean same = counts.equals(last);
            last.clear();
            last.addAll(counts);
            return same;
        });
    }

    /** Values of {@code seq} 0 to {@code rows} - 1 that {@code table} lacks (the first few), read as a stream. */
    private static List<Integer> missingSequences(TDengineTarget td, String table, int rows) throws Exception {
        BitSet seen = new BitSet(rows);
        try (Connection connection = td.connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT seq FROM " + table)) {
            while (result.next()) {
                seen.set(Math.toIntExact(result.getLong(1)));
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = seen.nextClearBit(0); i < rows && missing.size() < 20; i = seen.nextClearBit(i + 1)) {
            missing.add(i);
        }
        return missing;
    }

    private static int setting(String property, String variable, int fallback) {
        String value = System.getProperty(property, System.getenv(variable));
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
