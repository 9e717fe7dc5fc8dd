package com.taosdata.kafka.connect.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

/**
 * {@code PATCH /connectors/NAME/offsets} on the source: offsets of the shapes both read methods store are accepted,
 * anything else is refused with a message naming the partition. Maps are built in JSON order, as Connect's REST
 * layer hands them over.
 */
class AlterOffsetsTest {

    private final TDengineSourceConnector connector = new TDengineSourceConnector();
    private final Map<Map<String, ?>, Map<String, ?>> offsets = new LinkedHashMap<>();

    private static Map<String, Object> ordered(Object... entries) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i += 2) {
            map.put((String) entries[i], entries[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> table(String name) {
        return ordered("database", "power", "table", name);
    }

    private static Map<String, Object> vgroup(int id) {
        return ordered("database", "power", "vgroup", id, "topic", "tdconnect_power_meters");
    }

    private boolean alter() {
        return connector.alterOffsets(Map.of("read.method", "query"), offsets);
    }

    private String refusal() {
        return assertThatThrownBy(this::alter)
                .isInstanceOf(ConnectException.class)
                .actual()
                .getMessage();
    }

    @Test
    void acceptsTheOffsetsQueryModeWrites() {
        offsets.put(table("d1"), ordered("ts", 1700000000123L, "rows", 1, "precision", "ms"));
        offsets.put(table("d2"), ordered("ts", 5, "rows", 2));
        assertThat(alter()).isTrue();
    }

    @Test
    void acceptsAQueryModeOffsetBeforeAnyRowAtItsTimestamp() {
        offsets.put(table("d1"), ordered("ts", 1700000000000L, "rows", 0, "precision", "ms"));
        assertThat(alter()).isTrue();
    }

    @Test
    void acceptsTheOffsetsSubscriptionModeWrites() {
        offsets.put(vgroup(3), ordered("offset", 41, "position", 42L, "skip", 17L));
        offsets.put(vgroup(4), ordered("position", BigInteger.valueOf(7)));
        assertThat(alter()).isTrue();
    }

    @Test
    void acceptsBothShapesWhateverTheReadMethod() {
        offsets.put(table("d1"), ordered("ts", 1, "rows", 1));
        offsets.put(vgroup(3), ordered("position", 42));
        assertThat(connector.alterOffsets(Map.of("read.method", "subscription"), offsets))
                .isTrue();
    }

    @Test
    void acceptsResets() {
        offsets.put(table("d1"), null);
        offsets.put(vgroup(3), null);
        assertThat(alter()).isTrue();
    }

    @Test
    void refusesATimestampThatIsNotAnInteger() {
        offsets.put(table("d1"), ordered("ts", "2024-01-01", "rows", 1));
        assertThat(refusal())
                .isEqualTo("offsets not altered: source partition {\"database\":\"power\",\"table\":\"d1\"}: "
                        + "ts must be an integer timestamp, counted in precision, got \"2024-01-01\"");
    }

    @Test
    void refusesAFractionalTimestamp() {
        offsets.put(table("d1"), ordered("ts", 1.5, "rows", 1));
        assertThat(refusal()).contains("ts must be an integer timestamp");
    }

    @Test
    void refusesANegativeOrMissingRowCount() {
        offsets.put(table("d1"), ordered("ts", 1, "rows", -1));
        offsets.put(table("d2"), ordered("ts", 1));
        assertThat(refusal())
                .contains("\"table\":\"d1\"}: rows must be an integer of 0 or more")
                .contains("\"table\":\"d2\"}: rows must be an integer of 0 or more");
    }

    @Test
    void refusesAnUnknownPrecision() {
        offsets.put(table("d1"), ordered("ts", 1, "rows", 1, "precision", "s"));
        assertThat(refusal()).endsWith("precision must be ms, us or ns, got \"s\"");
    }

    @Test
    void refusesAMisspeltOffsetKey() {
        offsets.put(table("d1"), ordered("ts", 1, "row", 1));
        assertThat(refusal()).contains("unknown key row (a query-mode offset has ts, rows and precision)");
    }

    @Test
    void refusesAVgroupOffsetWithoutAPosition() {
        offsets.put(vgroup(3), ordered("offset", 41));
        assertThat(refusal())
                .isEqualTo("offsets not altered: source partition {\"database\":\"power\",\"vgroup\":3,"
                        + "\"topic\":\"tdconnect_power_meters\"}: position must be a TMQ offset, an integer of 0 or more, "
                        + "got null");
    }

    @Test
    void refusesANegativePosition() {
        offsets.put(vgroup(3), ordered("position", -2));
        assertThat(refusal()).contains("position must be a TMQ offset, an integer of 0 or more, got -2");
    }

    @Test
    void refusesANegativeOrFractionalSkip() {
        offsets.put(vgroup(3), ordered("position", 2, "skip", -1));
        offsets.put(vgroup(4), ordered("position", 2, "skip", 1.5));
        assertThat(refusal())
                .contains("skip must be an integer of 0 or more (rows read from position before the point to resume "
                        + "at), got -1")
                .contains("got 1.5");
    }

    @Test
    void refusesAQueryOffsetOnAVgroupPartition() {
        offsets.put(vgroup(3), ordered("ts", 1, "rows", 1));
        assertThat(refusal()).contains("unknown keys rows, ts (a subscription-mode offset has position");
    }

    @Test
    void refusesAVgroupThatIsNotAnInteger() {
        offsets.put(ordered("database", "power", "vgroup", "3", "topic", "t"), ordered("position", 1));
        assertThat(refusal()).contains("database and topic must be strings and vgroup an integer");
    }

    @Test
    void refusesPartitionKeysInAnotherOrderThanTheConnectorWritesThem() {
        offsets.put(ordered("table", "d1", "database", "power"), ordered("ts", 1, "rows", 1));
        assertThat(refusal())
                .contains("{\"table\":\"d1\",\"database\":\"power\"}: its keys must come in the order "
                        + "the connector writes them, database, table");
    }

    @Test
    void refusesAPartitionOfAnotherConnector() {
        Map<String, Object> sink = new HashMap<>(Map.of("kafka_topic", "meters"));
        offsets.put(sink, ordered("kafka_offset", 3));
        assertThat(refusal()).contains("not a partition of this connector: query mode's are {\"database\", \"table\"}");
    }
}
