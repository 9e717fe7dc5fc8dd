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
        tracker.waiting(P0, 10, "power");
        tracker.waiting(P0, 11, "power");
        tracker.waiting(P0, 12, "power");

        assertThat(tracker.committable(List.of(P0))).containsExactly(entry(P0, new OffsetAndMetadata(10)));

        tracker.written("power");

        assertThat(tracker.committable(List.of(P0))).containsExactly(entry(P0, new OffsetAndMetadata(13)));
    }

    @Test
    void tombstonesAndDeadLetteredRecordsBetweenWaitingOnesNeverLetTheOffsetPassAnUnwrittenRecord() {
        tracker.waiting(P0, 10, "power");
        tracker.done(P0, 11);
        tracker.waiting(P0, 12, "power");
        tracker.done(P0, 13);

        assertThat(tracker.committable(List.of(P0))).containsExactly(entry(P0, new OffsetAndMetadata(10)));

        tracker.written("power");

        assertThat(tracker.committable(List.of(P0))).containsExactly(entry(P0, new OffsetAndMetadata(14)));
    }

    @Test
    void recordsWaitingAfterAWriteHoldTheOffsetAgain() {
        tracker.waiting(P0, 10, "power");
        tracker.written("power");
        tracker.waiting(P0, 11, "power");

        assertThat(tracker.committable(List.of(P0))).containsExactly(entry(P0, new OffsetAndMetadata(11)));
    }

    @Test
    void aPartitionSpreadOverTwoDatabasesWaitsForBoth() {
        tracker.waiting(P0, 10, "a");
        tracker.waiting(P0, 11, "b");
        tracker.waiting(P0, 12, "a");

        tracker.written("a");
        assertThat(tracker.committable(List.of(P0))).containsExactly(entry(P0, new OffsetAndMetadata(11)));

        tracker.written("b");
        assertThat(tracker.committable(List.of(P0))).containsExactly(entry(P0, new OffsetAndMetadata(13)));
    }

    @Test
    void partitionsAreTrackedIndependently() {
        tracker.waiting(P0, 10, "power");
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
        tracker.waiting(P0, 10, "power");
        tracker.forget(List.of(P0));

        assertThat(tracker.committable(List.of(P0))).isEmpty();

        tracker.done(P0, 30);
        assertThat(tracker.committable(List.of(P0))).containsExactly(entry(P0, new OffsetAndMetadata(31)));
    }

    @Test
    void writingAnotherDatabaseDoesNotReleaseAWaitingRecord() {
        tracker.waiting(P0, 10, "power");

        tracker.written("other");

        assertThat(tracker.committable(List.of(P0))).containsExactly(entry(P0, new OffsetAndMetadata(10)));
    }

    @Test
    void abandoningBatchesGivesEachPartitionWithRecordsInThemItsFirstRecordNotDoneAndForgetsIt() {
        tracker.done(P0, 3);
        tracker.waiting(P0, 4, "batch-1");
        tracker.waiting(P0, 6, "buffer");
        tracker.waiting(P1, 9, "buffer");

        assertThat(tracker.abandon(List.of("batch-1"))).containsExactly(entry(P0, 4L));

        assertThat(tracker.committable(List.of(P0, P1))).containsOnlyKeys(P1);
    }

    @Test
    void aPartitionIsConsumedAgainFromItsEarliestWaitingRecordWhicheverBatchHoldsIt() {
        tracker.waiting(P0, 2, "buffer");
        tracker.waiting(P0, 5, "batch-1");

        assertThat(tracker.abandon(List.of("batch-1"))).containsExactly(entry(P0, 2L));
    }
}
