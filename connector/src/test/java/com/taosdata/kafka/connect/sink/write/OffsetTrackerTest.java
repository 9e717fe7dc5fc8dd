package com.taosdata.kafka.connect.sink.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private static final TopicPartition P0 = new TopicPartition("meters", 0);
    private static final TopicPartition P1 = new TopicPartition("meters", 1);
    private static final Batch.Key POWER = new Batch.Key("power", 0);
    private static final Batch.Key A = new Batch.Key("a", 0);
    private static final Batch.Key B = new Batch.Key("b", 0);
    private static final Batch.Key OTHER = new Batch.Key("other", 0);
    private static final Batch.Key BATCH_1 = new Batch.Key("power", 1);
    private static final Batch.Key BUFFER = new Batch.Key("power", 2);

    private final OffsetTracker tracker = new OffsetTracker();

    @Test
    void partitionsWithNothingDoneAreLeftOut() {
        assertThat(tracker.committable(List.of(P0))).isEmpty();
    }

    @Test
    void doneRecordsAreCommittedPastTheLastOne() {
        tracker.done(P0, 4);
        tracker.done(P0, 5);

        assertThat(tracker.committable(List.of(P0))).containsExactly(entry(P0, new OffsetAndMetadata(6)));
    }

    @Test
    void waitingRecordsHoldTheOffsetAtTheFirstOfThemUntilWritten() {
        tracker.waiting(P0, 10, POWER);
        tracker.waiting(P0, 11, POWER);
        tracker.waiting(P0, 12, POWER);

        assertThat(tracker.committable(List.of(P0))).containsExactly(entry(P0, new OffsetAndMetadata(10)));

        tracker.written(POWER);

        assertThat(tracker.committable(List.of(P0))).containsExactly(entry(P0, new OffsetAndMetadata(13)));
    }

    @Test
    void tombstonesAndDeadLetteredRecordsBetweenWaitingOnesNeverLetTheOffsetPassAnUnwrittenRecord() {
        tracker.waiting(P0, 10, POWER);
        tracker.done(P0, 11);
        tracker.waiting(P0, 12, POWER);
        tracker.done(P0, 13);

        assertThat(tracker.committable(List.of(P0))).containsExactly(entry(P0, new OffsetAndMetadata(10)));

        tracker.written(POWER);

        assertThat(tracker.committable(List.of(P0))).containsExactly(entry(P0, new OffsetAndMetadata(14)));
    }

    @Test
    void recordsWaitingAfterAWriteHoldTheOffsetAgain() {
        tracker.waiting(P0, 10, POWER);
        tracker.written(POWER);
        tracker.waiting(P0, 11, POWER);

        assertThat(tracker.committable(List.of(P0))).containsExactly(entry(P0, new OffsetAndMetadata(11)));
    }

    @Test
    void aPartitionSpreadOverTwoDatabasesWaitsForBoth() {
        tracker.waiting(P0, 10, A);
        tracker.waiting(P0, 11, B);
        tracker.waiting(P0, 12, A);

        tracker.written(A);
        assertThat(tracker.committable(List.of(P0))).containsExactly(entry(P0, new OffsetAndMetadata(11)));

        tracker.written(B);
        assertThat(tracker.committable(List.of(P0))).containsExactly(entry(P0, new OffsetAndMetadata(13)));
    }

    @Test
    void partitionsAreTrackedIndependently() {
        tracker.waiting(P0, 10, POWER);
        tracker.done(P1, 20);

        assertThat(tracker.committable(List.of(P0, P1)))
                .containsOnly(entry(P0, new OffsetAndMetadata(10)), entry(P1, new OffsetAndMetadata(21)));
    }

    @Test
    void onlyAssignedPartitionsAreReturned() {
        tracker.done(P0, 1);
        tracker.done(P1, 1);

        assertThat(tracker.committable(List.of(P1))).containsOnlyKeys(P1);
    }

    @Test
    void forgottenPartitionsStartAfresh() {
        tracker.waiting(P0, 10, POWER);
        tracker.forget(List.of(P0));

        assertThat(tracker.committable(List.of(P0))).isEmpty();

        tracker.done(P0, 30);
        assertThat(tracker.committable(List.of(P0))).containsExactly(entry(P0, new OffsetAndMetadata(31)));
    }

    @Test
    void writingAnotherDatabaseDoesNotReleaseAWaitingRecord() {
        tracker.waiting(P0, 10, POWER);

        tracker.written(OTHER);

        assertThat(tracker.committable(List.of(P0))).containsExactly(entry(P0, new OffsetAndMetadata(10)));
    }

    @Test
    void abandoningBatchesGivesEachPartitionWithRecordsInThemItsFirstRecordNotDoneAndForgetsIt() {
        tracker.done(P0, 3);
        tracker.waiting(P0, 4, BATCH_1);
        tracker.waiting(P0, 6, BUFFER);
        tracker.waiting(P1, 9, BUFFER);

        assertThat(tracker.abandon(List.of(BATCH_1))).containsExactly(entry(P0, 4L));

        assertThat(tracker.committable(List.of(P0, P1))).containsOnlyKeys(P1);
    }

    @Test
    void aPartitionIsConsumedAgainFromItsEarliestWaitingRecordWhicheverBatchHoldsIt() {
        tracker.waiting(P0, 2, BUFFER);
        tracker.waiting(P0, 5, BATCH_1);

        assertThat(tracker.abandon(List.of(BATCH_1))).containsExactly(entry(P0, 2L));
    }
}
