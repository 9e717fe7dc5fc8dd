package com.taosdata.kafka.connect.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** {@code timestamp.missing}: which time a line without timestamp reaches TDengine with. */
class TDengineSinkTaskMissingTimestampTest extends SinkTaskTestBase {

    private static final long MILLIS = 1_796_316_133_135L;

    private static SinkRecord record(long offset, String value, Long timestamp) {
        return new SinkRecord(
                "meters",
                0,
                null,
                null,
                null,
                value,
                offset,
                timestamp,
                timestamp == null ? TimestampType.NO_TIMESTAMP_TYPE : TimestampType.CREATE_TIME);
    }

    @Test
    void byDefaultALineWithoutTimestampReachesTDengineAsItIsForTheServersClock() {
        start();

        task.put(List.of(record(0, "m f=1", MILLIS)));
        preCommit(METERS_0);

        assertThat(tdengine.accepted()).containsExactly("m f=1");
    }

    @Test
    void withRecordALineWithoutTimestampGetsTheRecordsInDataPrecision() {
        start("timestamp.missing", "record", "data.precision", "ms");

        task.put(List.of(record(0, "m f=1\nm f=2 7", MILLIS), record(1, "m f=3", MILLIS + 1)));
        preCommit(METERS_0);

        assertThat(tdengine.accepted()).containsExactly("m f=1 1796316133135", "m f=2 7", "m f=3 1796316133136");
    }

    @Test
    void withRecordAndToleranceAllARecordWithoutKafkaTimestampGoesToTheDlqAndTheOthersAreWritten() {
        start("timestamp.missing", "record", "errors.tolerance", "all");
        SinkRecord untimed = record(1, "m f=2", null);

        task.put(List.of(record(0, "m f=1", MILLIS), untimed, record(2, "m f=3 3", null)));
        Map<TopicPartition, OffsetAndMetadata> offsets = preCommit(METERS_0);

        assertThat(tdengine.accepted()).containsExactly("m f=1 1796316133135000000", "m f=3 3");
        assertThat(dlq).singleElement().satisfies(e -> {
            assertThat(e.getKey()).isSameAs(untimed);
            assertThat(e.getValue())
                    .hasMessageStartingWith("record meters-0@1: a line has no timestamp")
                    .hasMessageContaining("timestamp.missing");
        });
        assertThat(offsets).containsExactly(entry(METERS_0, new OffsetAndMetadata(3)));
    }

    @Test
    void withRecordWithoutToleranceARecordWithoutKafkaTimestampFailsTheTask() {
        start("timestamp.missing", "record");

        assertThatThrownBy(() -> task.put(List.of(record(0, "m f=1", null))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("record meters-0@0: a line has no timestamp")
                .hasMessageContaining("timestamp.missing");
        assertThat(dlq).isEmpty();
    }
}
