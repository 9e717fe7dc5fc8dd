package com.taosdata.kafka.connect.source.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.schemas.TimestampUnit;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

class TablePositionTest {

    @Test
    void advancingToANewTimestampRestartsTheCount() {
        assertThat(TablePosition.first(100).advance(200)).isEqualTo(new TablePosition(200, 1));
    }

    @Test
    void advancingWithinTheSameTimestampCountsRows() {
        assertThat(TablePosition.first(100).advance(100).advance(100)).isEqualTo(new TablePosition(100, 3));
    }

    @Test
    void offsetHoldsTimestampRowsAndPrecision() {
        assertThat(new TablePosition(1700000000123L, 2).toOffset(TimestampUnit.MS))
                .containsExactlyInAnyOrderEntriesOf(Map.of("ts", 1700000000123L, "rows", 2L, "precision", "ms"));
    }

    @Test
    void offsetRoundTrips() {
        TablePosition position = new TablePosition(1700000000123456789L, 4);
        assertThat(TablePosition.fromOffset(position.toOffset(TimestampUnit.NS), TimestampUnit.NS))
                .isEqualTo(position);
    }

    @Test
    void integersReadBackAsIntegersAreAccepted() {
        // The JSON offset converter may hand small numbers back as Integer.
        Map<String, Object> stored = new HashMap<>(Map.of("ts", 5, "rows", 1, "precision", "ms"));
        assertThat(TablePosition.fromOffset(stored, TimestampUnit.MS)).isEqualTo(new TablePosition(5, 1));
    }

    @Test
    void noOffsetMeansNoPosition() {
        assertThat(TablePosition.fromOffset(null, TimestampUnit.MS)).isNull();
        assertThat(TablePosition.fromOffset(Map.of(), TimestampUnit.MS)).isNull();
    }

    @Test
    void offsetInAnotherPrecisionIsConverted() {
        Map<String, Object> stored = Map.of("ts", 1700000000123L, "rows", 1L, "precision", "ms");
        assertThat(TablePosition.fromOffset(stored, TimestampUnit.US))
                .isEqualTo(new TablePosition(1700000000123000L, 1));
    }

    @Test
    void aPositionBeforeAnyRowAtItsTimestampIsReadBackAsSuch() {
        assertThat(TablePosition.fromOffset(
                        TablePosition.from(1700000000123L).toOffset(TimestampUnit.MS), TimestampUnit.MS))
                .isEqualTo(new TablePosition(1700000000123L, 0));
    }

    @Test
    void aPositionBeforeAnyRowRoundsUpToACoarserPrecisionAndOneAfterARowDown() {
        Map<String, Object> before = Map.of("ts", 1700000000123456L, "rows", 0L, "precision", "us");
        Map<String, Object> after = Map.of("ts", 1700000000123456L, "rows", 1L, "precision", "us");
        assertThat(TablePosition.fromOffset(before, TimestampUnit.MS)).isEqualTo(new TablePosition(1700000000124L, 0));
        assertThat(TablePosition.fromOffset(after, TimestampUnit.MS)).isEqualTo(new TablePosition(1700000000123L, 1));
    }

    @Test
    void withoutACompositeKeyNoRowSentAtATimestampIsTheRowBeforeItSent() {
        assertThat(TablePosition.from(100).forKey(false)).isEqualTo(new TablePosition(99, 1));
        assertThat(TablePosition.from(100).forKey(true)).isEqualTo(new TablePosition(100, 0));
        assertThat(new TablePosition(100, 2).forKey(false)).isEqualTo(new TablePosition(100, 2));
    }

    @Test
    void foreignOffsetIsRejected() {
        assertThatThrownBy(() -> TablePosition.fromOffset(Map.of("ts", "yesterday"), TimestampUnit.MS))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("not one this connector wrote");
    }

    @Test
    void partitionNamesDatabaseAndTable() {
        assertThat(SourcePartitions.table("power", "d1001")).isEqualTo(Map.of("database", "power", "table", "d1001"));
        // Connect looks committed offsets up by the serialized partition: its key order must be fixed.
        assertThat(SourcePartitions.table("power", "d1001").keySet()).containsExactly("database", "table");
    }

    @Test
    void offsetIsAMapEqualToAnyOtherWithTheSameEntries() {
        Map<String, Object> offset = new TablePosition(1700000000123L, 2).toOffset(TimestampUnit.MS);
        Map<String, Object> plain = new HashMap<>(Map.of("ts", 1700000000123L, "rows", 2L, "precision", "ms"));
        assertThat(offset).isEqualTo(plain).hasSameHashCodeAs(plain).hasSize(3);
        assertThat(plain).isEqualTo(offset);
        assertThat(offset.get("ts")).isEqualTo(1700000000123L);
        assertThat(offset.get("rows")).isEqualTo(2L);
        assertThat(offset.get("precision")).isEqualTo("ms");
        assertThat(offset.get("skip")).isNull();
        assertThat(offset).containsKeys("ts", "rows", "precision").doesNotContainKey("skip");
        assertThat(new HashMap<>(offset)).isEqualTo(plain);
        assertThatThrownBy(() -> offset.put("ts", 1L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void partitionIsAMapEqualToAnyOtherWithTheSameEntries() {
        Map<String, String> partition = SourcePartitions.table("power", "d1001");
        Map<String, String> plain = new HashMap<>(Map.of("database", "power", "table", "d1001"));
        assertThat(partition).isEqualTo(plain).hasSameHashCodeAs(plain);
        assertThat(plain).isEqualTo(partition);
        assertThat(partition).isNotEqualTo(SourcePartitions.table("power", "d1002"));
        assertThat(partition.get("table")).isEqualTo("d1001");
        // Connect's offset reader hands offsets back keyed by the partitions asked for: found by an equal one.
        assertThat(Map.of(partition, 1).get(SourcePartitions.table("power", "d1001")))
                .isEqualTo(1);
        assertThat(Map.of(plain, 1).get(partition)).isEqualTo(1);
        assertThatThrownBy(() -> partition.put("table", "d2")).isInstanceOf(UnsupportedOperationException.class);
    }
}
