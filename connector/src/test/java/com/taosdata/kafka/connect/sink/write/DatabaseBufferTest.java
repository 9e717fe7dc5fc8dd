package com.taosdata.kafka.connect.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.sink.record.EncodedRecord;
import com.taosdata.kafka.connect.sink.record.SinkRecords;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class DatabaseBufferTest {

    private static EncodedRecord encoded(String topic, int partition, long offset, String... lines) {
        return new EncodedRecord(
                SinkRecords.record(topic, partition, offset, String.join("\n", lines)), List.of(lines));
    }

    @Test
    void countsLinesNotRecords() {
        DatabaseBuffer buffer = new DatabaseBuffer("power");

        buffer.add(encoded("meters", 0, 0, "a", "b", "c"), 0);
        buffer.add(encoded("meters", 0, 1, "d"), 0);

        assertThat(buffer.key().database()).isEqualTo("power");
        assertThat(buffer.lines()).isEqualTo(4);
        assertThat(buffer.isEmpty()).isFalse();
    }

    @Test
    void lingersFromTheFirstRecordAdded() {
        DatabaseBuffer buffer = new DatabaseBuffer("power");
        buffer.add(encoded("meters", 0, 0, "a"), 1_000);
        buffer.add(encoded("meters", 0, 1, "b"), 1_900);

        assertThat(buffer.lingeredSince(1_999, 1_000)).isFalse();
        assertThat(buffer.lingeredSince(2_000, 1_000)).isTrue();
    }

    @Test
    void anEmptyBufferNeverLingers() {
        assertThat(new DatabaseBuffer("power").lingeredSince(Long.MAX_VALUE, 0)).isFalse();
    }

    @Test
    void drainHandsOverTheRecordsInOrderAndEmptiesTheBuffer() {
        DatabaseBuffer buffer = new DatabaseBuffer("power");
        EncodedRecord first = encoded("meters", 0, 0, "a");
        EncodedRecord second = encoded("meters", 0, 1, "b");
        buffer.add(first, 0);
        buffer.add(second, 0);

        assertThat(buffer.drain().records()).containsExactly(first, second);
        assertThat(buffer.isEmpty()).isTrue();
        assertThat(buffer.lines()).isZero();
    }

    @Test
    void theLingerClockRestartsAfterADrain() {
        DatabaseBuffer buffer = new DatabaseBuffer("power");
        buffer.add(encoded("meters", 0, 0, "a"), 0);
        buffer.drain();
        buffer.add(encoded("meters", 0, 1, "b"), 5_000);

        assertThat(buffer.lingeredSince(5_500, 1_000)).isFalse();
    }

    @Test
    void discardDropsTheRecordsOfRevokedPartitionsAndRecountsLines() {
        DatabaseBuffer buffer = new DatabaseBuffer("power");
        EncodedRecord kept = encoded("meters", 1, 0, "a", "b");
        buffer.add(encoded("meters", 0, 0, "x"), 0);
        buffer.add(kept, 0);
        buffer.add(encoded("meters", 0, 1, "y", "z"), 0);

        buffer.discard(List.of(new TopicPartition("meters", 0)));

        assertThat(buffer.lines()).isEqualTo(2);
        assertThat(buffer.drain().records()).containsExactly(kept);
    }

    @Test
    void discardMatchesThePartitionARecordWasConsumedFrom() {
        DatabaseBuffer buffer = new DatabaseBuffer("power");
        buffer.add(new EncodedRecord(SinkRecords.renamed("renamed", "meters", 0, 5, "a"), List.of("a")), 0);

        buffer.discard(List.of(new TopicPartition("meters", 0)));

        assertThat(buffer.isEmpty()).isTrue();
    }
}
