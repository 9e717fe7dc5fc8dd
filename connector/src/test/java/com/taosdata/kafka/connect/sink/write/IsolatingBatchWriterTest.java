package com.taosdata.kafka.connect.sink.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.connection.ErrorKind;
import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.metrics.ManualTime;
import com.taosdata.kafka.connect.metrics.SinkTaskMetrics;
import com.taosdata.kafka.connect.sink.record.EncodedRecord;
import com.taosdata.kafka.connect.sink.record.RecordIds;
import com.taosdata.kafka.connect.sink.record.SinkRecords;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class IsolatingBatchWriterTest {

    private final FakeSchemalessWriter tdengine = new FakeSchemalessWriter();
    private final List<Long> sleeps = new ArrayList<>();
    private final SinkTaskMetrics metrics = SinkTaskMetrics.unpublished(Time.SYSTEM);
    private final List<Map.Entry<SinkRecord, Throwable>> dlq = new ArrayList<>();
    private final ErrantRecordReporter reporter = (record, error) -> {
        dlq.add(Map.entry(record, error));
        return CompletableFuture.completedFuture(null);
    };

    /** Writes like the task does: rejected records go to a {@link BadRecordHandler} once the batch is written. */
    private BatchWrite writer(boolean tolerateAll) {
        IsolatingBatchWriter writer =
                IsolatingBatchWriter.schemaless(tdengine, new RetryPolicy(3, 50, sleeps::add), metrics);
        BadRecordHandler handler = new BadRecordHandler(reporter, tolerateAll, metrics);
        return (database, records) ->
                writer.write(database, records).forEach(r -> handler.handle(r.record(), r.reason()));
    }

    /** One batch written and its rejects handled. */
    private interface BatchWrite {
        void write(String database, List<EncodedRecord> records);
    }

    private static List<EncodedRecord> records(String... values) {
        List<EncodedRecord> records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            records.add(
                    new EncodedRecord(SinkRecords.record("meters", 0, i, values[i]), List.of(values[i].split("\n"))));
        }
        return records;
    }

    @Test
    void aGoodBatchIsWrittenInOneCallAndCounted() {
        writer(false).write("power", records("m f=1 1", "m f=2 2\nm f=3 3"));

        assertThat(tdengine.calls).singleElement().satisfies(call -> {
            assertThat(call.database()).isEqualTo("power");
            assertThat(call.payloads()).containsExactly("m f=1 1", "m f=2 2", "m f=3 3");
        });
        assertThat(metrics.value("batches-written-total")).isEqualTo(1.0);
        assertThat(metrics.value("records-written-total")).isEqualTo(2.0);
        assertThat(metrics.value("rows-written-total")).isEqualTo(3.0);
    }

    @Test
    void anEmptyBatchIsNotSent() {
        writer(false).write("power", List.of());

        assertThat(tdengine.calls).isEmpty();
    }

    @Test
    void everyGoodRecordIsWrittenAndEveryBadOneReportedExactlyOnceWithTDenginesCode() {
        String[] values = IntStream.range(0, 37)
                .mapToObj(i -> i % 7 == 3 || i == 36 ? "m,BAD f=" + i + " " + i : "m f=" + i + " " + i)
                .toArray(String[]::new);

        writer(true).write("power", records(values));

        List<String> good =
                Arrays.stream(values).filter(v -> !v.contains("BAD")).toList();
        assertThat(tdengine.accepted()).containsAll(good).noneMatch(line -> line.contains("BAD"));
        assertThat(dlq).extracting(e -> e.getKey().kafkaOffset()).containsExactly(3L, 10L, 17L, 24L, 31L, 36L);
        assertThat(dlq)
                .allSatisfy(e -> assertThat(e.getValue())
                        .isInstanceOf(DataException.class)
                        .hasMessageContaining("record meters-0@" + e.getKey().kafkaOffset() + " rejected by TDengine")
                        .hasMessageContaining("0x80003002")
                        .hasMessageContaining("invalid data"));
        assertThat(metrics.value("records-written-total")).isEqualTo(good.size());
        assertThat(metrics.value("records-dead-lettered-total")).isEqualTo(6.0);
    }

    @Test
    void aRecordWithOneBadLineAmongGoodOnesIsReportedAsAWhole() {
        writer(true).write("power", records("m f=1 1", "m f=2 2\nm,BAD f=3 3\nm f=4 4", "m f=5 5"));

        assertThat(dlq).extracting(e -> e.getKey().kafkaOffset()).containsExactly(1L);
        assertThat(tdengine.accepted()).contains("m f=1 1", "m f=5 5").doesNotContain("m f=2 2");
    }

    @Test
    void aBatchOfOnlyBadRecordsReportsEachOfThem() {
        writer(true).write("power", records("BAD 1", "BAD 2", "BAD 3"));

        assertThat(dlq).extracting(e -> e.getKey().kafkaOffset()).containsExactly(0L, 1L, 2L);
        assertThat(tdengine.accepted()).isEmpty();
    }

    @Test
    void rejectedRecordsComeBackInOffsetOrderWithTheirReason() {
        IsolatingBatchWriter writer =
                IsolatingBatchWriter.schemaless(tdengine, new RetryPolicy(3, 50, sleeps::add), metrics);

        List<IsolatingBatchWriter.Rejected> rejected = writer.write("power", records("BAD 0", "m f=1 1", "BAD 2"));

        assertThat(rejected).extracting(r -> r.record().kafkaOffset()).containsExactly(0L, 2L);
        assertThat(rejected).allSatisfy(r -> assertThat(r.reason()).hasMessageContaining("0x80003002"));
        assertThat(tdengine.accepted()).containsExactly("m f=1 1");
    }

    @Test
    void withoutToleranceTheFirstBadRecordFailsTheWriteWithTDenginesMessage() {
        assertThatThrownBy(() -> writer(false).write("power", records("m f=1 1", "BAD 2", "m f=3 3")))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("record meters-0@1")
                .hasMessageContaining("0x80003002");
        assertThat(dlq).isEmpty();
    }

    @Test
    void transientFailuresAreRetriedWithBackoffAndCounted() {
        tdengine.transientFailures = 2;

        writer(false).write("power", records("m f=1 1"));

        assertThat(tdengine.accepted()).containsExactly("m f=1 1");
        assertThat(sleeps).containsExactly(50L, 50L);
        assertThat(metrics.value("retries-total")).isEqualTo(2.0);
        assertThat(metrics.value("batches-written-total")).isEqualTo(1.0);
    }

    @Test
    void transientFailuresBeyondMaxRetriesFailTheWriteWithTheCause() {
        tdengine.transientFailures = 10;

        assertThatThrownBy(() -> writer(true).write("power", records("m f=1 1")))
                .isInstanceOfSatisfying(
                        TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT))
                .hasMessageContaining("after 4 attempt(s)")
                .hasMessageContaining("connection refused");
        assertThat(dlq).isEmpty();
        assertThat(metrics.value("batches-written-total")).isZero();
    }

    @Test
    void aFatalFailurePassesThroughWithoutIsolation() {
        TDengineException fatal = TDengineException.fromCode(0x80000357, "Authentication failure", null);
        tdengine.nextFailure = fatal;

        assertThatThrownBy(() -> writer(true).write("power", records("m f=1 1", "m f=2 2")))
                .isSameAs(fatal);
        assertThat(tdengine.calls).hasSize(1);
        assertThat(dlq).isEmpty();
    }

    @Test
    void writeLatencyIsMeasured() {
        writer(false).write("power", records("m f=1 1"));

        assertThat(metrics.value("batch-write-latency-max")).isPositive();
        assertThat(metrics.value("batch-write-latency-avg")).isEqualTo(metrics.value("batch-write-latency-max"));
    }

    @Test
    void bytesAreTheUtf8SizeOfTheLinesSentAndAgesRunFromEachRecordsTimestamp() {
        ManualTime time = new ManualTime(10_000);
        SinkTaskMetrics timed = SinkTaskMetrics.unpublished(time);
        IsolatingBatchWriter writer =
                IsolatingBatchWriter.schemaless(tdengine, new RetryPolicy(3, 50, sleeps::add), timed);
        List<EncodedRecord> records = List.of(
                detached(new EncodedRecord(stamped(0, 7_000L), List.of("m,t=\u5317 f=1 1"))),
                new EncodedRecord(stamped(1, 9_000L), List.of("m f=2 2")),
                detached(new EncodedRecord(stamped(2, null), List.of("m f=3 3"))));

        writer.write("power", records);

        assertThat(timed.value("bytes-written-total")).isEqualTo(13 + 7 + 7);
        assertThat(timed.value("record-age-max")).isEqualTo(3_000.0);
        assertThat(timed.value("record-age-avg")).isEqualTo(2_000.0);
    }

    @Test
    void rejectedRecordsAreNotCountedAsWritten() {
        writer(true).write("power", records("m f=1 1", "BAD 2", "m f=3 3"));

        assertThat(metrics.value("records-written-total")).isEqualTo(2.0);
        assertThat(metrics.value("bytes-written-total")).isEqualTo(14.0);
    }

    private static SinkRecord stamped(long offset, Long timestamp) {
        return new SinkRecord(
                "meters",
                0,
                null,
                null,
                null,
                "v",
                offset,
                timestamp,
                timestamp == null ? TimestampType.NO_TIMESTAMP_TYPE : TimestampType.CREATE_TIME);
    }

    @Test
    void isolationCostsLogarithmicallyManyCalls() {
        String[] values = IntStream.range(0, 1024)
                .mapToObj(i -> i == 500 ? "BAD" : "m f=1 " + i)
                .toArray(String[]::new);

        writer(true).write("power", records(values));

        assertThat(tdengine.calls).hasSizeLessThanOrEqualTo(2 * 10 + 1);
        assertThat(dlq).hasSize(1);
        assertThat(tdengine.accepted().stream().collect(Collectors.toSet())).hasSize(1023);
    }

    /** The record as the task keeps it without a DLQ, with the coordinates the task reads off it. */
    private static EncodedRecord detached(EncodedRecord encoded) {
        return encoded.detached(RecordIds.partition(encoded.record()), RecordIds.offset(encoded.record()));
    }
}
