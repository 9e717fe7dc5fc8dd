package com.taosdata.kafka.connect.it.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.taosdata.jdbc.tmq.TaosConsumer;
import com.taosdata.kafka.connect.it.harness.ConnectRest;
import com.taosdata.kafka.connect.it.harness.ConnectWorker;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Subscription mode while TDengine moves vgroups between the tasks' consumers. Restarting a task makes its consumer
 * leave the group and join again: TDengine hands its vgroups to the other task and back, each time at the group's
 * committed offset, which trails what already reached Kafka; and the consumer that keeps a vgroup cannot tell or
 * commit its position until it polls it again. With rows inserted all along and exactly-once on, no task fails and the
 * topic holds every row once, in order. Needs a real TDengine over a native or WebSocket URL.
 */
class SubscriptionRebalanceIT {

    private static final int RESTARTS = 4;

    /** What a scenario does to the running connector while rows are inserted and read. */
    @FunctionalInterface
    private interface Disturbance {
        void run(ConnectRest rest, String connector, TopicReader reader) throws Exception;
    }

    @Test
    void everyRowOnceWhileTasksLeaveAndJoinTheConsumerGroup() throws Exception {
        runDisturbed(2, (rest, connector, reader) -> {
            for (int restart = 0; restart < RESTARTS; restart++) {
                awaitMoreRecords(rest, connector, reader, 30);
                int task = restart % 2;
                assertThat(rest.call("POST", "/connectors/" + connector + "/tasks/" + task + "/restart", null)
                                .status())
                        .as("restarting task %d", task)
                        .isBetween(200, 299);
                rest.awaitRunning(connector, 2, Duration.ofSeconds(60));
            }
        });
    }

    /**
     * Another consumer of the group takes vgroups from the task, reads some rows and leaves without committing, as a
     * killed task's consumer does once TDengine notices: the vgroups come back to the task at the offset committed
     * before, behind what the task had already written to Kafka.
     */
    @Test
    void everyRowOnceWhenAConsumerLeavesTheGroupWithoutCommitting() throws Exception {
        ItEnvironment env = ItEnvironment.get();
        runDisturbed(1, (rest, connector, reader) -> {
            awaitMoreRecords(rest, connector, reader, 30);
            TDengineTarget td = env.tdengine();
            try (TaosConsumer<Map<String, Object>> other =
                    new TaosConsumer<>(td.tmqConsumerProperties(connector, connector + "-other"))) {
                other.subscribe(List.of("tdconnect_" + connector + "_" + Meters.STABLE));
                // TDengine assigns it vgroups while it polls; the subtables may all sit in the task's, so it need not
                // get rows, and the task may get none while the other holds every vgroup with rows.
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    other.poll(Duration.ofMillis(200));
                    return !other.assignment().isEmpty();
                });
                for (int i = 0; i < 10; i++) {
                    other.poll(Duration.ofMillis(200));
                }
                other.unsubscribe();
            }
            awaitMoreRecords(rest, connector, reader, 30);
        });
    }

    /**
     * Runs a subscription-mode connector of {@code tasks} tasks with exactly-once on a database rows are inserted
     * into all along, applies {@code disturbance}, then checks the topic holds every row once and the tasks run.
     */
    private static void runDisturbed(int tasks, Disturbance disturbance) throws Exception {
        ItEnvironment env = ItEnvironment.get();
        TDengineTarget td = env.tdengine();
        Assumptions.assumeTrue(td.offersTmq(), "TMQ needs a real TDengine over a native or WebSocket URL");
        String group = ItEnvironment.unique("src_rebalance");
        String database = group;
        String connector = group;
        String topic = SourceConfigs.topic(group, database, Meters.STABLE);
        Meters.create(td, database);
        RowInserter inserter = new RowInserter(td, database, Meters.baseTs());
        inserter.insertOnce();

        Map<String, String> config = ExactlyOnceStream.connectorConfig(td, database, group, "subscription", tasks);

        String bootstrap = env.broker().bootstrapServers();
        Thread inserting = new Thread(inserter, "source-rebalance-inserter");
        try (ConnectWorker worker = ConnectWorker.start(
                ConnectWorker.Version.KAFKA_4, bootstrap, group, group + "-w1", ExactlyOnceStream.workerOverrides())) {
            ConnectRest rest = worker.rest();
            rest.putConnector(connector, config);
            rest.awaitRunning(connector, tasks, Duration.ofSeconds(60));
            inserting.start();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> env.broker().topics().contains(topic));
            try (TopicReader reader = new TopicReader(bootstrap, topic, IsolationLevel.READ_COMMITTED)) {
                disturbance.run(rest, connector, reader);
                awaitMoreRecords(rest, connector, reader, 30);
                inserter.stop();
                inserting.join(10_000);
                assertThat(inserter.failure()).as("inserting rows").isNull();
                List<RowKey> inserted = inserter.inserted();

                ExactlyOnceStream.assertEveryRowOnceInOrder(reader, inserted, "after the disturbance");
                assertThat(rest.taskStates(connector)).containsOnly("RUNNING").hasSize(tasks);
                rest.deleteConnector(connector);
            }
        } finally {
            inserter.stop();
            inserting.join(10_000);
            // TDengine keeps a database a topic reads; the topic goes once the deleted connector's consumers left.
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                td.execute("DROP TOPIC IF EXISTS `tdconnect_" + database + "_" + Meters.STABLE + "`");
                return true;
            });
            td.dropDatabase(database);
        }
    }

    /**
     * Waits until the topic grew by {@code count} records: the tasks read on after whatever happened before. A task
     * that failed meanwhile fails the test with its trace.
     */
    private static void awaitMoreRecords(ConnectRest rest, String connector, TopicReader reader, int count) {
        int target = reader.count() + count;
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (rest.taskStates(connector).contains("FAILED")) {
                throw new AssertionError(
                        "a task failed: " + rest.status(connector).toPrettyString());
            }
            return reader.count() >= target;
        });
    }
}
