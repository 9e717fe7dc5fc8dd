package com.taosdata.kafka.connect.it.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the exactly-once suites share: the worker and connector settings, and the check of the topic against the rows. */
final class ExactlyOnceStream {

    private ExactlyOnceStream() {}

    static Map<String, String> workerOverrides() {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("exactly.once.source.support", "enabled");
        // A killed worker's tasks are reassigned once its session expired and this delay passed.
        overrides.put("session.timeout.ms", "6000");
        overrides.put("scheduled.rebalance.max.delay.ms", "1000");
        // Lets the connector shorten its producers' transaction timeout (below).
        overrides.put("connector.client.config.override.policy", "All");
        return overrides;
    }

    /**
     * A connector reading {@link Meters#STABLE} of {@code database} as JSON records, by {@code readMethod}, with
     * {@code tasks} tasks and exactly-once required; {@code group} names its topic prefix and TMQ consumer group.
     */
    static Map<String, String> connectorConfig(
            TDengineTarget td, String database, String group, String readMethod, int tasks) {
        Map<String, String> config = SourceConfigs.query(td, database, Meters.STABLE, group, "json");
        config.put("tasks.max", Integer.toString(tasks));
        config.put("data.precision", "ms");
        config.put("poll.interval.ms", "200");
        if (readMethod.equals("subscription")) {
            config.put("read.method", "subscription");
            config.put("subscription.group.id", group);
            config.put("subscription.from", "earliest");
        }
        require(config);
        return config;
    }

    private static void require(Map<String, String> config) {
        // Fails the connector instead of silently running at-least-once if exactly-once were not available.
        config.put("exactly.once.support", "required");
        // A worker killed mid-transaction leaves that transaction open, and the new worker started nothing until the
        // broker aborted it (seen: a minute, the producers' default transaction timeout).
        config.put("producer.override.transaction.timeout.ms", "5000");
    }

    /**
     * Waits until the topic (read committed) holds at least {@code inserted} and stops growing, then checks it holds
     * every inserted row exactly once, in timestamp order per table.
     */
    static void assertEveryRowOnceInOrder(TopicReader reader, List<RowKey> inserted, String context) {
        await().atMost(Duration.ofSeconds(30)).until(() -> reader.count() >= inserted.size());
        // Then the topic must stop growing, so that a row repeated late would be counted too.
        AtomicInteger lastCount = new AtomicInteger(-1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(15)).until(() -> {
            int count = reader.count();
            return count == lastCount.getAndSet(count);
        });
        List<ConsumerRecord<byte[], byte[]>> records = reader.poll();
        List<RowKey> read = records.stream().map(RowKey::of).toList();
        Map<RowKey, List<Long>> positions = new LinkedHashMap<>();
        records.forEach(r ->
                positions.computeIfAbsent(RowKey.of(r), k -> new ArrayList<>()).add(r.offset()));
        assertThat(positions.entrySet().stream()
                        .filter(e -> e.getValue().size() > 1)
                        .map(e -> e.getKey() + " at offsets " + e.getValue())
                        .toList())
                .as(
                        "rows in the topic more than once (%d records, %d rows inserted, %s)",
                        records.size(), inserted.size(), context)
                .isEmpty();
        assertThat(read).as("every inserted row, once").containsExactlyInAnyOrderElementsOf(inserted);
        for (String table : RowInserter.TABLES) {
            List<Long> order = read.stream()
                    .filter(k -> k.table().equals(table))
                    .map(RowKey::ts)
                    .toList();
            assertThat(order).as("timestamps of %s in topic order", table).isSorted();
        }
    }
}
