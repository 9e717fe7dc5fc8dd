package com.taosdata.kafka.connect.it.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.taosdata.kafka.connect.it.harness.Connectors;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import com.taosdata.kafka.connect.it.source.Meters.Reading;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Query mode with {@code timestamp.delay.interval.ms}: a row written with a timestamp behind its subtable's newest
 * row, less than the delay after that timestamp, reaches Kafka exactly once; a row written later than the delay,
 * behind what was read, does not (the documented behaviour: subscription mode reads those). Timestamps come from
 * TDengine's clock, which is the one the delay is measured on.
 */
class QueryLateRowsIT {

    private static final long DELAY_MS = 10_000;
    private static final String D1 = "d1";
    private static final String D2 = "d2";

    private final ItEnvironment env = ItEnvironment.get();
    private final TDengineTarget td = env.tdengine();

    @RegisterExtension
    @Order(1)
    final Databases databases = new Databases(td);

    @RegisterExtension
    @Order(2)
    final Connectors connectors = new Connectors(() -> env.worker().rest());

    @Test
    void rowWithinTheDelayIsReadOnceAndRowLaterThanTheDelayIsNot() {
        String database = databases.add(ItEnvironment.unique("query_late"));
        Meters.create(td, database);
        String prefix = ItEnvironment.unique("tdlate");
        String topic = SourceConfigs.topic(prefix, database, Meters.STABLE);
        long start = serverNowMs();
        List<Reading> d1 = new ArrayList<>(List.of(row(D1, 0, start - 60_000), row(D1, 1, start - 59_000)));
        List<Reading> d2 = List.of(row(D2, 0, start - 60_000), row(D2, 1, start - 58_000));
        Meters.insert(td, database, d1);
        Meters.insert(td, database, d2);

        Map<String, String> config = SourceConfigs.query(td, database, Meters.STABLE, prefix, "json");
        config.put("data.precision", "ms");
        config.put("timestamp.delay.interval.ms", Long.toString(DELAY_MS));
        connectors.run(prefix, config, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> env.broker().topics().contains(topic));

        try (TopicReader reader =
                new TopicReader(env.broker().bootstrapServers(), topic, IsolationLevel.READ_UNCOMMITTED)) {
            awaitRows(reader, D1, d1);

            // One statement: a row old enough to be read at once, and the subtable's newest row, inside the delay.
            long now = serverNowMs();
            Reading readable = row(D1, 2, now - 2 * DELAY_MS);
            Reading newest = row(D1, 3, now);
            Meters.insert(td, database, List.of(readable, newest));
            awaitRows(reader, D1, List.of(d1.get(0), d1.get(1), readable));
            // The query that read `readable` ran after `newest` was written: without the delay it would have read
            // `newest` too, and d1's position would now be past the late row below.
            Reading late = row(D1, 4, newest.ts() - 1);
            Meters.insert(td, database, List.of(late));
            assertThat(serverNowMs() - late.ts())
                    .as("precondition: the late row arrived within the delay")
                    .isLessThan(DELAY_MS);
            d1.addAll(List.of(readable, late, newest));
            awaitRows(reader, D1, d1);

            // Later than the delay: d1's position is at `newest`, and this row lies behind it.
            Reading tooLate = row(D1, 5, newest.ts() - 2);
            Meters.insert(td, database, List.of(tooLate));
            assertThat(serverNowMs() - tooLate.ts())
                    .as("precondition: the row arrived later than the delay")
                    .isGreaterThanOrEqualTo(DELAY_MS);
            // Written after it: once this one is in Kafka, a query has run since the row later than the delay was
            // written.
            Reading after = row(D1, 6, newest.ts() + 1);
            Meters.insert(td, database, List.of(after));
            d1.add(after);
            awaitRows(reader, D1, d1);

            assertThat(timestamps(reader.poll(), D2))
                    .as("d2, read all along")
                    .containsExactlyElementsOf(d2.stream().map(Reading::ts).toList());
        }
        assertThat(env.worker().rest().taskStates(prefix)).containsOnly("RUNNING");
    }

    /**
     * Waits until {@code table}'s records are at least as many as {@code expected}, then checks they are exactly
     * those rows, in order: nothing missing, nothing twice, nothing else.
     */
    private static void awaitRows(TopicReader reader, String table, List<Reading> expected) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> timestamps(reader.poll(), table).size() >= expected.size());
        assertThat(timestamps(reader.poll(), table))
                .as("record timestamps of %s, in topic order", table)
                .containsExactlyElementsOf(expected.stream().map(Reading::ts).toList());
    }

    private static List<Long> timestamps(List<ConsumerRecord<byte[], byte[]>> records, String table) {
        return records.stream()
                .filter(r -> table.equals(QuerySourceIT.key(r)))
                .map(ConsumerRecord::timestamp)
                .toList();
    }

    /** Row number {@code i} of {@code table}, stamped {@code ts}. */
    private static Reading row(String table, int i, long ts) {
        return Meters.rows(table, "Oregon.Portland", table.equals(D1) ? 1 : 2, ts - i * 1000L, i, 1)
                .get(0);
    }

    /** TDengine's clock: the one a row's lateness is measured on. */
    private long serverNowMs() {
        return ((Timestamp) td.query("SELECT NOW()").get(0).get("now()")).getTime();
    }
}
