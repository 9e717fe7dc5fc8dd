package com.taosdata.kafka.connect.it.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import com.taosdata.kafka.connect.it.harness.ConnectRest;
import com.taosdata.kafka.connect.it.harness.ConnectWorker;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import com.taosdata.kafka.connect.it.source.Meters.Reading;

/**
 * Exactly-once delivery in both read methods: rows are inserted all along while the worker running the connector is
 * killed (SIGKILL, no final offset commit) and a new worker of the same Connect cluster takes over. Read with
 * {@code isolation.level=read_committed}, the topic holds every inserted row exactly once, in order per table.
 * Subscription mode (TMQ) needs a real TDengine over a native or WebSocket URL.
 */
class SourceRestartIT {

    private static final List<String> TABLES = List.of("d1", "d2", "d3");
    private static final int ROWS_PER_INSERT = 2;

    @ParameterizedTest(name = "read.method={0}")
    @ValueSource(strings = {"query", "subscription"})
    void everyRowOnceAfterTheWorkerIsKilledAndReplaced(String readMethod) throws Exception {
        ItEnvironment env = ItEnvironment.get();
        TDengineTarget td = env.tdengine();
        boolean subscription = readMethod.equals("subscription");
        if (subscription) {
            Assumptions.assumeTrue(td.offersTmq(), "TMQ needs a real TDengine over a native or WebSocket URL");
        }
        String group = ItEnvironment.unique("src_eos");
        String database = group;
        String connector = group;
        String topic = SourceConfigs.topic(group, database, Meters.STABLE);
        Meters.create(td, database);
        long base = Meters.baseTs();
        Inserter inserter = new Inserter(td, database, base);
        inserter.insertOnce();

        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("exactly.once.source.support", "enabled");
        // The killed worker's tasks are reassigned once its session expired and this delay passed.
        overrides.put("session.timeout.ms", "6000");
        overrides.put("scheduled.rebalance.max.delay.ms", "1000");
        // Lets the connector shorten its producers' transaction timeout (below).
        overrides.put("connector.client.config.override.policy", "All");
        String bootstrap = env.broker().bootstrapServers();

        Map<String, String> config = SourceConfigs.query(td, database, Meters.STABLE, group, "json");
        config.put("tasks.max", "2");
        config.put("data.precision", "ms");
        config.put("poll.interval.ms", "200");
        if (subscription) {
            config.put("read.method", "subscription");
            config.put("subscription.group.id", group);
            config.put("subscription.from", "earliest");
        }
        // Fails the connector instead of silently running at-least-once if exactly-once were not available.
        config.put("exactly.once.support", "required");
        // A worker killed mid-transaction leaves that transaction open, and the new worker started nothing until the
        // broker aborted it (seen: a minute, the producers' default transaction timeout).
        config.put("producer.override.transaction.timeout.ms", "5000");

        Thread inserting = new Thread(inserter, "source-restart-inserter");
        try (ConnectWorker first = ConnectWorker.start(ConnectWorker.Version.KAFKA_4, bootstrap, group, group + "-w1", overrides)) {
            first.rest().putConnector(connector, config);
            awaitRunningOn(first, connector);
            inserting.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> env.broker().topics().contains(topic));
            try (TopicReader reader = new TopicReader(bootstrap, topic, IsolationLevel.READ_COMMITTED)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> reader.count() >= 120);
                first.kill();
                int atKill = reader.count();
                int insertedAtKill = inserter.inserted().size();

                try (ConnectWorker second = ConnectWorker.start(ConnectWorker.Version.KAFKA_4, bootstrap, group, group + "-w2", overrides)) {
                    awaitRunningOn(second, connector);
                    // The new worker reads rows inserted while no worker ran, and after.
                    await().atMost(Duration.ofSeconds(30)).until(() -> reader.count() > insertedAtKill);
                    inserter.stop();
                    inserting.join(10_000);
                    assertThat(inserter.failure()).as("inserting rows").isNull();
                    List<Key> inserted = inserter.inserted();
                    System.out.printf("[tdconnect-it] %d rows in the topic when the worker was killed, %d rows inserted in all%n",
                            atKill, inserted.size());
                    assertThat(inserted.size()).as("rows inserted after the kill").isGreaterThan(insertedAtKill);

                    await().atMost(Duration.ofSeconds(30)).until(() -> reader.count() >= inserted.size());
                    // Then the topic must stop growing, so that a row repeated late would be counted too.
                    AtomicInteger lastCount = new AtomicInteger(-1);
                    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(15))
                            .until(() -> {
                                int count = reader.count();
                                return count == lastCount.getAndSet(count);
                            });
                    List<ConsumerRecord<byte[], byte[]>> records = reader.poll();
                    List<Key> read = records.stream().map(Key::of).toList();
                    Map<Key, List<Long>> positions = new LinkedHashMap<>();
                    records.forEach(r -> positions.computeIfAbsent(Key.of(r), k -> new ArrayList<>()).add(r.offset()));
                    assertThat(positions.entrySet().stream().filter(e -> e.getValue().size() > 1)
                            .map(e -> e.getKey() + " at offsets " + e.getValue()).toList())
                            .as("rows in the topic more than once (%d records, %d rows inserted, %d records when the worker "
                                    + "was killed)", records.size(), inserted.size(), atKill)
                            .isEmpty();
                    assertThat(read).as("every inserted row, once").containsExactlyInAnyOrderElementsOf(inserted);
                    for (String table : TABLES) {
                        List<Long> order = read.stream().filter(k -> k.table().equals(table)).map(Key::ts).toList();
                        assertThat(order).as("timestamps of %s in topic order", table).isSorted();
                    }
                    assertThat(second.rest().taskStates(connector)).containsExactly("RUNNING", "RUNNING");
                    second.rest().deleteConnector(connector);
                }
            }
        } finally {
            inserter.stop();
            inserting.join(10_000);
            if (subscription) {
                // TDengine keeps a database a topic reads; the topic goes once the killed worker's consumer left.
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                    td.execute("DROP TOPIC IF EXISTS `tdconnect_" + database + "_" + Meters.STABLE + "`");
                    return true;
                });
            }
            td.dropDatabase(database);
        }
    }

    /** Waits until the connector and both tasks run on {@code worker}; the status topic still names a killed worker for a while. */
    private static void awaitRunningOn(ConnectWorker worker, String connector) {
        ConnectRest rest = worker.rest();
        String workerId = worker.restUrl().substring("http://".length());
        AtomicReference<JsonNode> last = new AtomicReference<>();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
                JsonNode status = rest.status(connector);
                last.set(status);
                if (status == null) {
                    return false;
                }
                List<String> tasks = new ArrayList<>();
                status.path("tasks").forEach(t -> tasks.add(t.path("state").asText() + "@" + t.path("worker_id").asText()));
                if (tasks.stream().anyMatch(t -> t.startsWith("FAILED"))) {
                    throw new AssertionError("a task failed: " + status.toPrettyString());
                }
                return "RUNNING".equals(status.path("connector").path("state").asText())
                        && tasks.equals(Collections.nCopies(2, "RUNNING@" + workerId));
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("connector " + connector + " does not run both tasks on " + worker.name()
                    + "; last status: " + last.get() + "; worker log:\n" + worker.logTail(), e);
        }
    }

    /** A row as the test identifies it: subtable and timestamp. */
    private record Key(String table, long ts) {
        static Key of(ConsumerRecord<byte[], byte[]> record) {
            JsonNode row = QuerySourceIT.json(record);
            assertThat(QuerySourceIT.key(record)).as("record key of %s", row).isEqualTo(row.path("table").asText());
            return new Key(row.path("table").asText(), row.path("ts").asLong());
        }
    }

    /** Inserts {@value #ROWS_PER_INSERT} rows into each subtable every 50 ms until stopped, remembering what TDengine accepted. */
    private static final class Inserter implements Runnable {

        private final TDengineTarget td;
        private final String database;
        private final long base;
        private final List<Key> inserted = Collections.synchronizedList(new ArrayList<>());
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile boolean stopped;
        private int next;

        Inserter(TDengineTarget td, String database, long base) {
            this.td = td;
            this.database = database;
            this.base = base;
        }

        void insertOnce() {
            for (int t = 0; t < TABLES.size(); t++) {
                List<Reading> rows = Meters.rows(TABLES.get(t), "site " + t, t, base, next, ROWS_PER_INSERT);
                Meters.insert(td, database, rows);
                rows.forEach(r -> inserted.add(new Key(r.table(), r.ts())));
            }
            next += ROWS_PER_INSERT;
        }

        @Override
        public void run() {
            try {
                // Rows are one second apart from an hour ago: 1800 batches stay in the past, where query mode reads.
                while (!stopped && next < 3600 - ROWS_PER_INSERT) {
                    insertOnce();
                    // Paces the stream so that it spans the kill and the takeover.
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }

        void stop() {
            stopped = true;
        }

        List<Key> inserted() {
            synchronized (inserted) {
                return List.copyOf(inserted);
            }
        }

        Throwable failure() {
            return failure.get();
        }
    }
}
