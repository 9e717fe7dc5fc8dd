package com.taosdata.kafka.connect.it.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.taosdata.kafka.connect.it.harness.ConnectRest;
import com.taosdata.kafka.connect.it.harness.ConnectWorker;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.IsolationLevel;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exactly-once delivery in both read methods: rows are inserted all along while the worker running the connector is
 * killed (SIGKILL, no final offset commit) and a new worker of the same Connect cluster takes over. Read with
 * {@code isolation.level=read_committed}, the topic holds every inserted row exactly once, in order per table.
 * Subscription mode (TMQ) needs a real TDengine over a native or WebSocket URL.
 */
class SourceRestartIT {

    /** Rows per subtable in each INSERT of the backlog: an INSERT's WAL entry holds more than one TMQ message ends at. */
    private static final int BACKLOG_ROWS_PER_TABLE = 1_000;

    private static final int BACKLOG_INSERTS = 40;

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
        RowInserter inserter = new RowInserter(td, database, base);
        inserter.insertOnce();

        Map<String, String> overrides = ExactlyOnceStream.workerOverrides();
        String bootstrap = env.broker().bootstrapServers();

        Map<String, String> config = ExactlyOnceStream.connectorConfig(td, database, group, readMethod, 2);

        Thread inserting = new Thread(inserter, "source-restart-inserter");
        try (ConnectWorker first =
                ConnectWorker.start(ConnectWorker.Version.KAFKA_4, bootstrap, group, group + "-w1", overrides)) {
            first.rest().putConnector(connector, config);
            awaitRunningOn(first, connector);
            inserting.start();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> env.broker().topics().contains(topic));
            try (TopicReader reader = new TopicReader(bootstrap, topic, IsolationLevel.READ_COMMITTED)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> reader.count() >= 120);
                first.kill();
                int atKill = reader.count();
                int insertedAtKill = inserter.inserted().size();

                try (ConnectWorker second = ConnectWorker.start(
                        ConnectWorker.Version.KAFKA_4, bootstrap, group, group + "-w2", overrides)) {
                    awaitRunningOn(second, connector);
                    // The new worker reads rows inserted while no worker ran, and after.
                    await().atMost(Duration.ofSeconds(30)).until(() -> reader.count() > insertedAtKill);
                    inserter.stop();
                    inserting.join(10_000);
                    assertThat(inserter.failure()).as("inserting rows").isNull();
                    List<RowKey> inserted = inserter.inserted();
                    System.out.printf(
                            "[tdconnect-it] %d rows in the topic when the worker was killed, %d rows inserted in all%n",
                            atKill, inserted.size());
                    assertThat(inserted.size())
                            .as("rows inserted after the kill")
                            .isGreaterThan(insertedAtKill);

                    ExactlyOnceStream.assertEveryRowOnceInOrder(
                            reader, inserted, atKill + " records when the worker was killed");
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

    /**
     * The subscription source killed while it reads a backlog of INSERTs into several subtables each: TDengine ends
     * its messages at {@code min.poll.rows}, inside the INSERTs' WAL entries, so no message ends at a position the
     * vgroups could be read on from, and the offsets Kafka holds are points counted in rows from where the backlog
     * began. The new worker reads on from exactly there.
     */
    @Test
    void subscriptionResumesExactlyInsideTheEntriesOfABacklog() throws Exception {
        ItEnvironment env = ItEnvironment.get();
        TDengineTarget td = env.tdengine();
        Assumptions.assumeTrue(td.offersTmq(), "TMQ needs a real TDengine over a native or WebSocket URL");
        String group = ItEnvironment.unique("src_backlog");
        String database = group;
        String connector = group;
        String topic = SourceConfigs.topic(group, database, Meters.STABLE);
        Meters.create(td, database);
        List<RowKey> inserted = insertBacklog(td, database);
        Map<String, String> overrides = ExactlyOnceStream.workerOverrides();
        String bootstrap = env.broker().bootstrapServers();
        Map<String, String> config = ExactlyOnceStream.connectorConfig(td, database, group, "subscription", 2);
        try (ConnectWorker first =
                ConnectWorker.start(ConnectWorker.Version.KAFKA_4, bootstrap, group, group + "-w1", overrides)) {
            first.rest().putConnector(connector, config);
            awaitRunningOn(first, connector);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> env.broker().topics().contains(topic));
            try (TopicReader reader = new TopicReader(bootstrap, topic, IsolationLevel.READ_COMMITTED)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> reader.count() >= inserted.size() / 5);
                first.kill();
                int atKill = reader.count();
                System.out.printf(
                        "[tdconnect-it] %d of %d backlog rows in the topic when the worker was killed%n",
                        atKill, inserted.size());
                assertThat(atKill).as("rows in the topic at the kill").isLessThan(inserted.size());

                try (ConnectWorker second = ConnectWorker.start(
                        ConnectWorker.Version.KAFKA_4, bootstrap, group, group + "-w2", overrides)) {
                    awaitRunningOn(second, connector);
                    await().atMost(Duration.ofSeconds(120)).until(() -> reader.count() >= inserted.size());
                    ExactlyOnceStream.assertEveryRowOnceInOrder(
                            reader, inserted, atKill + " records when the worker was killed");
                    second.rest().deleteConnector(connector);
                }
            }
        } finally {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                td.execute("DROP TOPIC IF EXISTS `tdconnect_" + database + "_" + Meters.STABLE + "`");
                return true;
            });
            td.dropDatabase(database);
        }
    }

    /** {@value #BACKLOG_INSERTS} INSERTs into every subtable of {@link RowInserter#TABLES}, a day ago and on. */
    private static List<RowKey> insertBacklog(TDengineTarget td, String database) {
        long base = Meters.baseTs() - Duration.ofDays(1).toMillis();
        List<RowKey> inserted = new ArrayList<>();
        for (int insert = 0; insert < BACKLOG_INSERTS; insert++) {
            StringBuilder sql = new StringBuilder("INSERT INTO");
            for (int t = 0; t < RowInserter.TABLES.size(); t++) {
                List<Meters.Reading> rows = Meters.rows(
                        RowInserter.TABLES.get(t),
                        "site " + t,
                        t,
                        base,
                        insert * BACKLOG_ROWS_PER_TABLE,
                        BACKLOG_ROWS_PER_TABLE);
                sql.append(' ').append(Meters.tableClause(database, rows));
                rows.forEach(r -> inserted.add(new RowKey(r.table(), r.ts())));
            }
            td.execute(sql.toString());
        }
        return inserted;
    }

    /** Waits until the connector and both tasks run on {@code worker}; the status topic still names a killed worker for a while. */
    private static void awaitRunningOn(ConnectWorker worker, String connector) {
        ConnectRest rest = worker.rest();
        String workerId = worker.workerId();
        AtomicReference<JsonNode> last = new AtomicReference<>();
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        JsonNode status = rest.status(connector);
                        last.set(status);
                        if (status == null) {
                            return false;
                        }
                        List<String> tasks = new ArrayList<>();
                        status.path("tasks")
                                .forEach(t -> tasks.add(t.path("state").asText() + "@"
                                        + t.path("worker_id").asText()));
                        if (tasks.stream().anyMatch(t -> t.startsWith("FAILED"))) {
                            throw new AssertionError("a task failed: " + status.toPrettyString());
                        }
                        return "RUNNING"
                                        .equals(status.path("connector")
                                                .path("state")
                                                .asText())
                                && tasks.equals(Collections.nCopies(2, "RUNNING@" + workerId));
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "connector " + connector + " does not run both tasks on " + worker.name() + "; last status: "
                            + last.get() + "; worker log:\n" + worker.logTail(),
                    e);
        }
    }
}
