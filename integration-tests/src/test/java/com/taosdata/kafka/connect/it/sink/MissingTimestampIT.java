package com.taosdata.kafka.connect.it.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.taosdata.kafka.connect.it.harness.Connectors;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.KafkaBroker.Timestamped;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code timestamp.missing}: line-protocol lines without a timestamp, produced with explicit Kafka record timestamps,
 * land at those timestamps with {@code record} (so producing them again overwrites their rows) and at TDengine's
 * clock by default.
 */
class MissingTimestampIT {

    /** 2023-11-14T22:13:20Z, in milliseconds: inside a new database's default keep of 3650 days. */
    private static final long T0 = 1_700_000_000_000L;

    private static ItEnvironment env;

    @RegisterExtension
    final Connectors connectors = new Connectors(() -> env.worker().rest());

    @BeforeAll
    static void setUp() {
        env = ItEnvironment.get();
    }

    @Test
    void withRecordLinesLandAtTheirRecordsTimestampAndProducingThemAgainOverwritesTheirRows() {
        String topic = ItEnvironment.unique("stamped");
        env.broker().createTopic(topic, 1);
        Map<String, String> config = SinkConfigs.sink(env.tdengine(), topic, topic);
        config.put("timestamp.missing", "record");
        config.put("data.precision", "us");
        connectors.run(topic, config, 1);
        List<Timestamped> records = List.of(
                new Timestamped("meters,dev=d1 current=1.5", T0),
                new Timestamped("meters,dev=d1 current=2.5", T0 + 1),
                // Each line on its own: the second keeps its own timestamp (microseconds, data.precision).
                new Timestamped("meters,dev=d2 current=3.5\nmeters,dev=d2 current=4.5 " + (T0 + 5) * 1_000L, T0 + 2));

        env.broker().produceTimestamped(topic, records);

        TDengineTarget td = env.tdengine();
        String table = topic + ".meters";
        await().atMost(Duration.ofSeconds(60)).until(() -> td.count(table) == 4);
        Map<Long, Double> expected = Map.of(T0, 1.5, T0 + 1, 2.5, T0 + 2, 3.5, T0 + 5, 4.5);
        assertThat(currentByMillis(td, table)).isEqualTo(expected);

        // Delivered again, as after a crash or a replay, then one new record to know the others were written first.
        List<Timestamped> again = new ArrayList<>(records);
        again.add(new Timestamped("meters,dev=d3 current=9.5", T0 + 10));
        env.broker().produceTimestamped(topic, again);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> currentByMillis(td, table).containsKey(T0 + 10));
        assertThat(td.count(table)).as("rows overwritten, not added").isEqualTo(5);
        Map<Long, Double> withNewRecord = new HashMap<>(expected);
        withNewRecord.put(T0 + 10, 9.5);
        assertThat(currentByMillis(td, table)).isEqualTo(withNewRecord);
    }

    @Test
    void byDefaultALineWithoutTimestampLandsAtTheServersTimeNotTheRecords() {
        String topic = ItEnvironment.unique("unstamped");
        env.broker().createTopic(topic, 1);
        connectors.run(topic, SinkConfigs.sink(env.tdengine(), topic, topic), 1);

        env.broker().produceTimestamped(topic, List.of(new Timestamped("meters,dev=d1 current=1.5", T0)));

        TDengineTarget td = env.tdengine();
        await().atMost(Duration.ofSeconds(60)).until(() -> td.count(topic + ".meters") == 1);
        List<Map<String, Object>> rows = td.query("SELECT * FROM " + topic + ".meters");
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(((Number) row.get("current")).doubleValue()).isEqualTo(1.5);
            assertThat(TDengineTarget.epochNanos(row.get("_ts"))).isNotEqualTo(T0 * 1_000_000L);
        });
    }

    private static Map<Long, Double> currentByMillis(TDengineTarget td, String table) {
        return td.query("SELECT _ts, current FROM " + table).stream()
                .collect(Collectors.toMap(
                        row -> TDengineTarget.epochNanos(row.get("_ts")) / 1_000_000L,
                        row -> ((Number) row.get("current")).doubleValue()));
    }
}
