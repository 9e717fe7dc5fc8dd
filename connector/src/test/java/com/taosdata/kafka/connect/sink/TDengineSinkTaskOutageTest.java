package com.taosdata.kafka.connect.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.taosdata.kafka.connect.connection.ErrorKind;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.sink.write.Backpressure;
import com.taosdata.kafka.connect.sink.write.QueuedWriterThread;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TDengine slow or away: the task thread never waits for it (a task that stops polling is thrown out of its consumer
 * group), stops taking records while the writer is behind, and writes everything, in order, once TDengine is back.
 * The writer thread here runs only when a test says so.
 */
class TDengineSinkTaskOutageTest extends SinkTaskTestBase {

    private final QueuedWriterThread queued = new QueuedWriterThread();

    @BeforeEach
    void slowWriterThread() {
        writerThread = queued;
    }

    /** Starts the task and lets the writer thread prepare the database, so a test finds only its batches queued. */
    @Override
    void start(String... overrides) {
        super.start(overrides);
        queued.runAll();
    }

    @Test
    void putHandsAFullBatchToTheWriterAndReturnsWithoutWaitingForIt() {
        start();

        task.put(lines(0, 0, 5));

        assertThat(queued.queued()).isEqualTo(1);
        assertThat(tdengine.calls).isEmpty();
    }

    @Test
    void theDatabaseIsCreatedOnTheWriterThreadBeforeTheFirstWriteNotInPut() {
        start();
        List<Integer> writesBeforeCreation = new ArrayList<>();
        doAnswer(call -> writesBeforeCreation.add(tdengine.calls.size()))
                .when(initializer)
                .ensure(anyString());

        task.put(lines(0, 0, 5));
        verify(initializer, never()).ensure(anyString());

        queued.runAll();
        assertThat(writesBeforeCreation).containsExactly(0);
        assertThat(tdengine.accepted()).hasSize(5);
    }

    @Test
    void theConfiguredDatabaseIsPreparedOnTheWriterThreadAsSoonAsTheTaskStarts() {
        super.start();
        verify(initializer, never()).prepare(anyString());

        queued.runAll();

        verify(initializer).prepare("power");
    }

    @Test
    void withOneBatchBeingWrittenTheTaskGoesOnConsuming() {
        start();

        task.put(lines(0, 0, 5));

        assertThat(context.paused).isEmpty();
    }

    @Test
    void withABatchWaitingBehindTheOneBeingWrittenTheTaskPausesItsPartitionsAndAsksToBeCalledSoon() {
        start();

        task.put(lines(0, 0, 10));

        assertThat(context.paused).containsExactlyInAnyOrder(METERS_0, METERS_1);
        assertThat(context.timeoutMs).isEqualTo(Backpressure.POLL_WHILE_PAUSED_MS);
    }

    @Test
    void whilePausedEveryPutAsksToBeCalledSoonAgain() {
        start();
        task.put(lines(0, 0, 10));
        context.polled();

        task.put(List.of());

        assertThat(context.timeoutMs).isEqualTo(Backpressure.POLL_WHILE_PAUSED_MS);
        assertThat(context.paused).containsExactlyInAnyOrder(METERS_0, METERS_1);
    }

    @Test
    void partitionsAssignedWhileTheWriterIsBehindArePausedToo() {
        start();
        task.put(lines(0, 0, 10));
        TopicPartition meters2 = new TopicPartition("meters", 2);
        context.assignment.add(meters2);

        task.put(List.of());

        assertThat(context.paused).contains(meters2);
    }

    @Test
    void onceTheWriterCaughtUpTheNextPutResumesConsumption() {
        start();
        task.put(lines(0, 0, 10));
        context.polled();

        queued.runOne();
        task.put(List.of());

        assertThat(context.paused).isEmpty();
        assertThat(context.timeoutMs).isEqualTo(-1);
    }

    @Test
    void aPausedPartitionThatARebalanceGivesBackIsResumedOnceTheWriterCaughtUp() {
        start();
        task.put(lines(0, 0, 10));
        context.revoke();
        task.close(List.of(METERS_0, METERS_1));
        // The worker may call put() between taking the partitions away and giving some back.
        task.put(List.of());
        context.assign(METERS_0);
        task.open(List.of(METERS_0));

        task.put(List.of());

        assertThat(context.paused).isEmpty();
    }

    @Test
    void aPartitionThatComesBackPausedIsResumedWhenOpenedIfTheWriterIsNotBehind() {
        // The worker's poll during which the rebalance happens goes on with the timeout it had: only a resume in
        // open() lets the partition's records reach the task before the worker's next offset commit.
        start();
        task.put(lines(0, 0, 10));
        context.revoke();
        task.close(List.of(METERS_0, METERS_1));
        context.assign(METERS_0);

        task.open(List.of(METERS_0));

        assertThat(context.paused).isEmpty();
    }

    @Test
    void aFullBufferIsHandedOverEvenWhenTheWriterIsBehindSoNoBatchOutgrowsBatchSize() {
        start();

        task.put(lines(0, 0, 17));

        assertThat(queued.queued()).isEqualTo(3);
        queued.runAll();
        assertThat(tdengine.calls).extracting(call -> call.payloads().size()).containsExactly(5, 5, 5);
    }

    @Test
    void aLingeringBufferWaitsWhileTheWriterIsBehindAndIsHandedOverOnceItCaughtUp() {
        start();
        task.put(lines(0, 0, 12));
        now.addAndGet(1000);

        task.put(List.of());
        assertThat(queued.queued()).isEqualTo(2);

        queued.runAll();
        task.put(List.of());
        queued.runAll();
        assertThat(tdengine.calls).extracting(call -> call.payloads().size()).containsExactly(5, 5, 2);
    }

    @Test
    void partitionsPausedForTheWriterAreNotQuiet() {
        // A paused partition gives no records: the buffer is no sign that the stream caught up.
        start();
        task.put(lines(0, 0, 12));
        now.addAndGet(500);
        task.put(List.of());
        queued.runAll();

        task.put(List.of());
        assertThat(queued.queued()).as("the 2 buffered lines wait").isZero();
        assertThat(context.timeoutMs).isEqualTo(TDengineSinkTask.QUIET_POLL_MS);

        now.addAndGet(TDengineSinkTask.QUIET_POLL_MS);
        task.put(List.of());
        queued.runAll();
        assertThat(tdengine.calls).extracting(call -> call.payloads().size()).containsExactly(5, 5, 2);
    }

    @Test
    void preCommitHandsOverTheBufferAndReturnsOnlyAcknowledgedOffsetsWithoutWaiting() {
        start();
        task.put(lines(0, 0, 5));
        queued.runAll();
        task.put(lines(0, 5, 8));

        assertThat(preCommit(METERS_0)).containsExactly(entry(METERS_0, new OffsetAndMetadata(5)));
        assertThat(queued.queued()).as("the buffer was handed over").isEqualTo(1);

        queued.runAll();
        assertThat(preCommit(METERS_0)).containsExactly(entry(METERS_0, new OffsetAndMetadata(8)));
    }

    @Test
    void anOutageWithinTheRetryBudgetLosesNothingAndKeepsTheOrder() {
        start("max.retries", "50");
        tdengine.transientFailures = 30;
        task.put(lines(0, 0, 5));
        task.put(lines(0, 5, 10));
        assertThat(context.paused).isNotEmpty();

        queued.runOne();
        task.put(List.of());
        assertThat(context.paused).as("resumed once the first batch is written").isEmpty();
        task.put(lines(0, 10, 12));
        queued.runAll();
        assertThat(preCommit(METERS_0)).containsExactly(entry(METERS_0, new OffsetAndMetadata(10)));
        queued.runAll();

        assertThat(preCommit(METERS_0)).containsExactly(entry(METERS_0, new OffsetAndMetadata(12)));
        assertThat(tdengine.accepted())
                .containsExactlyElementsOf(LongStream.range(0, 12)
                        .mapToObj(i -> "m f=" + i + " " + i)
                        .toList());
        assertThat(sleeps).hasSize(30);
    }

    @Test
    void aWriteThatOutlastsTheRetryBudgetFailsTheNextPutWithTheCause() {
        start();
        tdengine.transientFailures = 100;
        task.put(lines(0, 0, 5));

        queued.runAll();

        assertThatThrownBy(() -> task.put(List.of()))
                .isInstanceOfSatisfying(
                        TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT))
                .hasMessageContaining("writing 5 record(s) into database power failed after 3 attempt(s)")
                .hasMessageContaining("connection refused");
        assertThat(preCommit(METERS_0)).containsExactly(entry(METERS_0, new OffsetAndMetadata(0)));
    }

    @Test
    void closeGivesUpTheWritesInFlightAndRewindsTheKeptPartitionsToTheirFirstUnwrittenRecord() {
        start();
        List<SinkRecord> records = new ArrayList<>(lines(0, 0, 3));
        records.addAll(lines(1, 0, 4));
        task.put(records);

        task.close(List.of(METERS_0));
        queued.runAll();

        assertThat(tdengine.calls)
                .as("nothing written for partitions another task now owns")
                .isEmpty();
        assertThat(context.rewound).containsExactly(entry(METERS_1, 0L));
        assertThat(preCommit(METERS_1)).isEmpty();
        queued.runAll();
        assertThat(tdengine.calls)
                .as("the kept partition's buffered records are consumed again, not written out of order")
                .isEmpty();
    }

    @Test
    void closeKeepsWhatWasAcknowledgedBeforeIt() {
        start();
        task.put(lines(1, 0, 5));
        queued.runAll();
        task.put(lines(1, 5, 6));
        preCommit(METERS_1);

        task.close(List.of(METERS_0));

        assertThat(context.rewound).containsExactly(entry(METERS_1, 5L));
    }

    @Test
    void stopGivesUpTheWritesInFlight() {
        start();
        task.put(lines(0, 0, 5));

        task.stop();
        queued.runAll();

        assertThat(tdengine.calls).isEmpty();
    }
}
