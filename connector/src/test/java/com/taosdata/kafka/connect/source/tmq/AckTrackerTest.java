package com.taosdata.kafka.connect.source.tmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AckTrackerTest {

    private static final TmqPartition VG1 = new TmqPartition("t", 1);
    private static final TmqPartition VG2 = new TmqPartition("t", 2);

    @Test
    void nothingIsCommittableBeforeEveryRecordOfABatchIsAcknowledged() {
        AckTracker acks = new AckTracker();
        AckTracker.Batch batch = registered(acks, 2, Map.of(VG1, 10L));
        acks.acknowledge(batch);
        assertThat(acks.takeCommittable()).isEmpty();
        acks.acknowledge(batch);
        assertThat(acks.takeCommittable()).isEqualTo(Map.of(VG1, 10L));
        assertThat(acks.takeCommittable()).isEmpty();
    }

    @Test
    void laterBatchWaitsForEarlierOnes() {
        AckTracker acks = new AckTracker();
        AckTracker.Batch first = registered(acks, 1, Map.of(VG1, 10L));
        AckTracker.Batch second = registered(acks, 1, Map.of(VG1, 20L, VG2, 5L));
        acks.acknowledge(second);
        assertThat(acks.takeCommittable()).isEmpty();
        acks.acknowledge(first);
        assertThat(acks.takeCommittable()).isEqualTo(Map.of(VG1, 20L, VG2, 5L));
        acks.acknowledge(registered(acks, 1, Map.of(VG1, 30L)));
        assertThat(acks.takeCommittable())
                .as("nothing of the earlier batches is held back")
                .isEqualTo(Map.of(VG1, 30L));
    }

    @Test
    void acknowledgingMoreRecordsThanABatchHadIsABug() {
        AckTracker acks = new AckTracker();
        AckTracker.Batch batch = registered(acks, 1, Map.of(VG1, 1L));
        acks.acknowledge(batch);
        assertThatThrownBy(() -> acks.acknowledge(batch)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBatchNeverRegisteredHoldsNothingBack() {
        AckTracker acks = new AckTracker();
        AckTracker.Batch abandoned = new AckTracker.Batch(Map.of(VG1, 10L));
        acks.acknowledge(registered(acks, 1, Map.of(VG1, 20L)));
        assertThat(acks.takeCommittable()).isEqualTo(Map.of(VG1, 20L));
        assertThatThrownBy(() -> acks.acknowledge(abandoned)).isInstanceOf(IllegalStateException.class);
    }

    private static AckTracker.Batch registered(AckTracker acks, int records, Map<TmqPartition, Long> positions) {
        AckTracker.Batch batch = new AckTracker.Batch(positions);
        acks.register(batch, records);
        return batch;
    }
}
