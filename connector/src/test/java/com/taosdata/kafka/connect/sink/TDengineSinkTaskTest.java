package com.taosdata.kafka.connect.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.sink.record.SinkRecords;
import java.util.List;
import java.util.Map;
import javax.management.JMException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

/** Batching across put() calls, linger, and which offsets the task lets Connect commit. */
class TDengineSinkTaskTest extends SinkTaskTestBase {

    @Test
    void recordsAccumulateAcrossPutCallsUntilBatchSizeLines() {
        start();

        task.put(lines(0, 0, 3));
        assertThat(tdengine.calls).isEmpty();

        task.put(lines(0, 3, 7));
        assertThat(tdengine.calls).singleElement().satisfies(call -> {
            assertThat(call.database()).isEqualTo("power");
            assertThat(call.payloads()).containsExactly("m f=0 0", "m f=1 1", "m f=2 2", "m f=3 3", "m f=4 4");
        });
    }

    @Test
    void batchSizeCountsLinesNotRecords() {
        start();

        task.put(List.of(
                SinkRecords.record("meters", 0, 0, "m f=1 1\nm f=2 2\nm f=3 3"),
                SinkRecords.record("meters", 0, 1, "m f=4 4\nm f=5 5")));

        assertThat(tdengine.calls)
                .singleElement()
                .extracting(call -> call.payloads().size())
                .isEqualTo(5);
    }

    @Test
    void whileRecordsKeepComingABufferIsWrittenOnceItsOldestRecordHasLingered() {
        start("batch.size", "100");
        task.put(lines(0, 0, 2));
        for (int offset = 2; offset < 12; offset++) {
            now.addAndGet(99);
            task.put(List.of(line(0, offset)));
        }
        assertThat(tdengine.calls).as("990 ms after the first record").isEmpty();

        now.addAndGet(10);
        task.put(List.of(line(0, 12)));

        assertThat(tdengine.calls)
                .singleElement()
                .satisfies(call -> assertThat(call.payloads()).hasSize(13));
    }

    @Test
    void aPollThatBringsNoRecordsForAWhileWritesWhatIsBufferedWithoutWaitingForTheLinger() {
        start();
        task.put(lines(0, 0, 2));

        now.addAndGet(TDengineSinkTask.QUIET_POLL_MS - 1);
        task.put(List.of());
        assertThat(tdengine.calls).isEmpty();

        now.addAndGet(1);
        task.put(List.of());
        assertThat(tdengine.accepted()).containsExactly("m f=0 0", "m f=1 1");
    }

    @Test
    void withRecordsBufferedTheTaskAsksTheWorkerToCallAgainWhenTheyAreDue() {
        // Otherwise the worker waits for records until its next offset commit, up to offset.flush.interval.ms.
        start("batch.size", "100");

        task.put(lines(0, 0, 2));
        assertThat(context.timeoutMs).as("quiet after").isEqualTo(TDengineSinkTask.QUIET_POLL_MS);

        context.polled();
        now.addAndGet(950);
        task.put(lines(0, 2, 3));
        assertThat(context.timeoutMs).as("lingered after").isEqualTo(50);
    }

    @Test
    void withNothingBufferedTheTaskLeavesThePollTimeoutToTheWorker() {
        start();

        task.put(lines(0, 0, 5));

        assertThat(tdengine.calls).hasSize(1);
        assertThat(context.timeoutMs).isEqualTo(-1);
    }

    @Test
    void preCommitWritesWhatIsBufferedAndReturnsOnlyAcknowledgedOffsets() {
        start();
        task.put(lines(0, 0, 3));
        task.put(lines(1, 0, 1));

        Map<TopicPartition, OffsetAndMetadata> offsets = preCommit(METERS_0, METERS_1);

        assertThat(tdengine.accepted()).hasSize(4);
        assertThat(offsets)
                .containsOnly(entry(METERS_0, new OffsetAndMetadata(3)), entry(METERS_1, new OffsetAndMetadata(1)));
    }

    @Test
    void afterAFailedWriteTheOffsetStaysAtTheFirstUnwrittenRecord() {
        start();
        task.put(lines(0, 0, 2));
        preCommit(METERS_0);
        task.put(lines(0, 2, 4));
        tdengine.transientFailures = 100;

        assertThatThrownBy(() -> preCommit(METERS_0)).isInstanceOf(ConnectException.class);
        tdengine.transientFailures = 0;

        assertThat(preCommit(METERS_0)).containsExactly(entry(METERS_0, new OffsetAndMetadata(2)));
    }

    @Test
    void aWriteThatFailedInPreCommitFailsTheNextPut() {
        start();
        task.put(lines(0, 0, 2));
        tdengine.transientFailures = 100;
        ConnectException failure = catchThrowableOfType(ConnectException.class, () -> preCommit(METERS_0));
        tdengine.transientFailures = 0;

        assertThat(failure).hasMessageContaining("after 3 attempt(s)");
        assertThatThrownBy(() -> task.put(lines(0, 2, 3))).isSameAs(failure);
    }

    @Test
    void partitionsWithoutRecordsAreNotCommitted() {
        start();
        task.put(lines(0, 0, 1));

        assertThat(preCommit(METERS_0, METERS_1)).containsOnlyKeys(METERS_0);
    }

    @Test
    void tombstonesAreSkippedCountedAndCommitted() throws JMException {
        start();

        task.put(List.of(
                line(0, 0), SinkRecords.record("meters", 0, 1, null), SinkRecords.record("meters", 0, 2, null)));

        assertThat(preCommit(METERS_0)).containsExactly(entry(METERS_0, new OffsetAndMetadata(3)));
        assertThat(tdengine.accepted()).containsExactly("m f=0 0");
        assertThat(attribute("tombstones-skipped-total")).isEqualTo(2.0);
    }

    @Test
    void aTombstoneAfterAWaitingRecordDoesNotCommitPastIt() {
        start();
        task.put(List.of(line(0, 0), SinkRecords.record("meters", 0, 1, null)));
        tdengine.nextFailure = TDengineException.fromCode(0x80000357, "auth", null);

        assertThatThrownBy(() -> preCommit(METERS_0)).isInstanceOf(ConnectException.class);

        assertThat(preCommit(METERS_0)).containsExactly(entry(METERS_0, new OffsetAndMetadata(0)));
    }

    @Test
    void closeDiscardsTheBufferedRecordsOfRevokedPartitions() {
        start();
        task.put(List.of(line(0, 0), line(1, 0), line(0, 1)));

        task.close(List.of(METERS_0));

        assertThat(preCommit(METERS_1)).containsExactly(entry(METERS_1, new OffsetAndMetadata(1)));
        assertThat(tdengine.accepted()).containsExactly("m f=0 0");
        assertThat(tdengine.calls)
                .singleElement()
                .satisfies(call -> assertThat(call.payloads()).hasSize(1));
    }

    @Test
    void recordsRenamedByAnSmtAreCommittedUnderThePartitionTheyCameFrom() {
        start();
        task.put(List.of(SinkRecords.renamed("renamed", "meters", 0, 7, "m f=1 1")));

        assertThat(preCommit(METERS_0)).containsExactly(entry(METERS_0, new OffsetAndMetadata(8)));
    }

    @Test
    void closingTheOriginalPartitionDiscardsRenamedRecords() {
        start();
        task.put(List.of(SinkRecords.renamed("renamed", "meters", 0, 7, "m f=1 1")));

        task.close(List.of(METERS_0));
        preCommit();

        assertThat(tdengine.calls).isEmpty();
    }
}
