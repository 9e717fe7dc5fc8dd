package com.taosdata.kafka.connect.it.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.taosdata.kafka.connect.it.harness.Cli;
import com.taosdata.kafka.connect.it.harness.ConnectRest;
import com.taosdata.kafka.connect.it.harness.ConnectWorker;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import com.taosdata.kafka.connect.it.source.Meters.Reading;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Offsets an operator sets with {@code tdconnect offsets} on a STOPPED source ({@code PATCH} and {@code DELETE
 * /connectors/NAME/offsets}): resumed, the connector reads the last rows again, and from the replay point on every row
 * exactly once (exactly-once workers, topic read committed). Query mode sets a table back with
 * {@code --table T --from TIME}; subscription mode sets each vgroup back to positions saved earlier with
 * {@code --set FILE}, behind TDengine's committed offsets. After a reset, query mode reads every row again and
 * subscription mode resumes at TDengine's committed offsets. Subscription mode needs a real TDengine over a native or
 * WebSocket URL.
 */
class OffsetReplayIT {

    private static final List<String> TABLES = List.of("d1", "d2");

    private final ItEnvironment env = ItEnvironment.get();
    private final TDengineTarget td = env.tdengine();

    @RegisterExtension
    final Databases databases = new Databases(td);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "read.method={0} on {1}")
    @CsvSource({"query, KAFKA_4", "subscription, KAFKA_4", "query, KAFKA_3_7"})
    void replaysTheLastRowsOnceAfterTheOffsetsAreSetBackAndResumesAfterAReset(
            String readMethod, ConnectWorker.Version version) throws Exception {
        boolean subscription = readMethod.equals("subscription");
        if (subscription) {
            Assumptions.assumeTrue(td.offersTmq(), "TMQ needs a real TDengine over a native or WebSocket URL");
        }
        String group = ItEnvironment.unique("src_replay");
        String database = databases.add(group);
        String topic = SourceConfigs.topic(group, database, Meters.STABLE);
        Meters.create(td, database);
        if (subscription) {
            databases.addTopic("tdconnect_" + database + "_" + Meters.STABLE);
        }
        long base = Meters.baseTs();
        List<RowKey> a = insert(database, base, 0, 5);
        String bootstrap = env.broker().bootstrapServers();
        try (ConnectWorker worker =
                ConnectWorker.start(version, bootstrap, group, group + "-w", ExactlyOnceStream.workerOverrides())) {
            ConnectRest rest = worker.rest();
            Cli cli = new Cli(worker.restUrl());
            rest.putConnector(group, ExactlyOnceStream.connectorConfig(td, database, group, readMethod, 1));
            rest.awaitRunning(group, 1, Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> env.broker().topics().contains(topic));
            try (TopicReader reader = new TopicReader(bootstrap, topic, IsolationLevel.READ_COMMITTED)) {
                List<ConsumerRecord<byte[], byte[]>> afterA = settled(reader, a.size());
                assertThat(keys(afterA)).containsExactlyInAnyOrderElementsOf(a);

                // Where the rows of A end, as the operator saves it before going on.
                run(cli, "stop", group);
                awaitStopped(rest, group);
                Cli.Result saved = run(cli, "offsets", group, "-o", "json");
                Path afterAFile = Files.writeString(dir.resolve("after-a.json"), saved.out());
                run(cli, "resume", group);
                rest.awaitRunning(group, 1, Duration.ofSeconds(60));

                List<RowKey> b = insert(database, base, 5, 4);
                List<ConsumerRecord<byte[], byte[]>> afterB = settled(reader, a.size() + b.size());
                assertThat(keys(afterB))
                        .as("A and B once each, across a stop and resume")
                        .containsExactlyInAnyOrderElementsOf(concat(a, b));

                run(cli, "stop", group);
                awaitStopped(rest, group);
                if (subscription) {
                    Cli.Result set = run(cli, "offsets", group, "--set", afterAFile.toString());
                    assertThat(set.out()).contains("offsets set");
                } else {
                    long firstOfB = b.get(0).ts();
                    for (String table : TABLES) {
                        run(
                                cli,
                                "offsets",
                                group,
                                "--table",
                                table,
                                "--from",
                                Instant.ofEpochMilli(firstOfB).toString());
                    }
                }
                run(cli, "resume", group);
                rest.awaitRunning(group, 1, Duration.ofSeconds(60));
                List<RowKey> c = insert(database, base, 9, 3);
                List<ConsumerRecord<byte[], byte[]>> replayed = settled(reader, afterB.size() + b.size() + c.size());
                assertOncePerTableInOrder(
                        replayed.subList(afterB.size(), replayed.size()),
                        concat(b, c),
                        "after the offsets were set back to the start of B");

                run(cli, "stop", group);
                awaitStopped(rest, group);
                run(cli, "offsets", group, "--reset");
                run(cli, "resume", group);
                rest.awaitRunning(group, 1, Duration.ofSeconds(60));
                List<RowKey> d = insert(database, base, 12, 2);
                // Without Connect's offsets, query mode starts over (no timestamp.initial) and subscription mode goes
                // on from TDengine's committed offsets, which the stopped task left where Kafka's copy ends.
                List<RowKey> expected = subscription ? d : concat(concat(a, b), concat(c, d));
                List<ConsumerRecord<byte[], byte[]>> afterReset = settled(reader, replayed.size() + expected.size());
                assertOncePerTableInOrder(
                        afterReset.subList(replayed.size(), afterReset.size()),
                        expected,
                        "after the offsets were reset");
                rest.deleteConnector(group);
            }
        }
    }

    /**
     * {@code deploy --initial-state STOPPED} creates the connector without reading anything, so the operator can set
     * where it starts before it does: a query-mode table then starts at {@code --from}, another table from its first
     * row.
     */
    @Test
    void aConnectorDeployedStoppedStartsWhereItsOffsetsWereSetBeforeItsFirstRow() throws Exception {
        String name = ItEnvironment.unique("src_stopped");
        String database = databases.add(name);
        String topic = SourceConfigs.topic(name, database, Meters.STABLE);
        Meters.create(td, database);
        long base = Meters.baseTs();
        List<Reading> d1 = Meters.rows("d1", "site 0", 0, base, 0, 10);
        List<Reading> d2 = Meters.rows("d2", "site 1", 1, base, 0, 3);
        Meters.insert(td, database, d1);
        Meters.insert(td, database, d2);
        Map<String, String> config =
                new LinkedHashMap<>(SourceConfigs.query(td, database, Meters.STABLE, name, "json"));
        config.put("name", name);
        config.put("data.precision", "ms");
        Cli cli = new Cli(env.worker().restUrl());
        ConnectRest rest = env.worker().rest();

        Cli.Result deploy = run(cli, "deploy", properties(name, config).toString(), "--initial-state", "STOPPED");
        assertThat(deploy.out()).contains(name + ": created STOPPED");
        awaitStopped(rest, name);
        try {
            Path bad = Files.writeString(
                    dir.resolve("bad.json"),
                    "{\"offsets\": [{\"partition\": {\"database\": \"" + database
                            + "\", \"table\": \"d1\"}, \"offset\": {\"ts\": \"yesterday\", \"rows\": 1}}]}");
            Cli.Result refused = cli.run("offsets", name, "--set", bad.toString());
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
            assertThat(refused.err())
                    .as(refused.toString())
                    .contains("source partition {\"database\":\"" + database
                            + "\",\"table\":\"d1\"}: ts must be an integer timestamp");
            Cli.Result set = run(
                    cli,
                    "offsets",
                    name,
                    "--table",
                    "d1",
                    "--from",
                    Instant.ofEpochMilli(d1.get(5).ts()).toString());
            assertThat(set.err())
                    .as("a table with no offset yet is pointed out")
                    .contains("no offset was stored for " + "table 'd1' before");
            run(cli, "resume", name);
            rest.awaitRunning(name, 1, Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> env.broker().topics().contains(topic));
            List<RowKey> expected = new ArrayList<>();
            d1.subList(5, 10).forEach(r -> expected.add(new RowKey(r.table(), r.ts())));
            d2.forEach(r -> expected.add(new RowKey(r.table(), r.ts())));
            try (TopicReader reader =
                    new TopicReader(env.broker().bootstrapServers(), topic, IsolationLevel.READ_UNCOMMITTED)) {
                assertOncePerTableInOrder(
                        settled(reader, expected.size()), expected, "deployed STOPPED, d1 set to row 5");
            }
        } finally {
            rest.deleteConnector(name);
        }
    }

    /** Kafka 3.7 workers cannot create a connector STOPPED (KIP-980 came in 3.8): the CLI says so and deploys nothing. */
    @Test
    void deployingStoppedOnAKafka37WorkerIsRefusedWithWhatToDoInstead() throws Exception {
        String name = ItEnvironment.unique("src_37");
        Map<String, String> config = new LinkedHashMap<>(SourceConfigs.query(td, "power", Meters.STABLE, name, "json"));
        config.put("name", name);
        try (ConnectWorker worker = ConnectWorker.start(
                ConnectWorker.Version.KAFKA_3_7, env.broker().bootstrapServers(), name, name + "-w", Map.of())) {
            Cli.Result deploy = new Cli(worker.restUrl())
                    .run("deploy", properties(name, config).toString(), "--initial-state", "STOPPED");
            assertThat(deploy.exitCode()).as(deploy.toString()).isEqualTo(2);
            assertThat(deploy.err())
                    .contains("--initial-state needs a Connect worker of Kafka 3.8 or later (KIP-980); "
                            + "this one runs 3.7");
            assertThat(worker.rest().status(name)).as("nothing deployed").isNull();
        }
    }

    /** Inserts rows {@code first} to {@code first + count - 1} into each table; one statement per table. */
    private List<RowKey> insert(String database, long base, int first, int count) {
        List<RowKey> keys = new ArrayList<>();
        for (int t = 0; t < TABLES.size(); t++) {
            List<Reading> rows = Meters.rows(TABLES.get(t), "site " + t, t, base, first, count);
            Meters.insert(td, database, rows);
            rows.forEach(r -> keys.add(new RowKey(r.table(), r.ts())));
        }
        return keys;
    }

    /** Waits until the topic holds at least {@code atLeast} records and stops growing, then returns them all. */
    private static List<ConsumerRecord<byte[], byte[]>> settled(TopicReader reader, int atLeast) {
        await().atMost(Duration.ofSeconds(60)).until(() -> reader.count() >= atLeast);
        AtomicInteger last = new AtomicInteger(-1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(20))
                .until(() -> reader.count() == last.getAndSet(reader.count()));
        return reader.poll();
    }

    private static void assertOncePerTableInOrder(
            List<ConsumerRecord<byte[], byte[]>> records, List<RowKey> expected, String context) {
        List<RowKey> read = keys(records);
        assertThat(read)
                .as("rows %s: each expected row once, nothing else", context)
                .containsExactlyInAnyOrderElementsOf(expected);
        for (String table : TABLES) {
            assertThat(read.stream()
                            .filter(k -> k.table().equals(table))
                            .map(RowKey::ts)
                            .toList())
                    .as("timestamps of %s in topic order, %s", table, context)
                    .isSorted();
        }
    }

    private static List<RowKey> keys(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(RowKey::of).toList();
    }

    private static List<RowKey> concat(List<RowKey> first, List<RowKey> second) {
        List<RowKey> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static Cli.Result run(Cli cli, String... args) {
        Cli.Result result = cli.run(args);
        assertThat(result.exitCode())
                .as("tdconnect %s: %s", String.join(" ", args), result)
                .isZero();
        return result;
    }

    private static void awaitStopped(ConnectRest rest, String name) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode status = rest.status(name);
            return status != null
                    && "STOPPED".equals(status.path("connector").path("state").asText())
                    && status.path("tasks").isEmpty();
        });
    }

    private Path properties(String name, Map<String, String> config) throws IOException {
        Properties properties = new Properties();
        properties.putAll(config);
        Path file = dir.resolve(name + ".properties");
        try (Writer out = Files.newBufferedWriter(file)) {
            properties.store(out, null);
        }
        return file;
    }
}
