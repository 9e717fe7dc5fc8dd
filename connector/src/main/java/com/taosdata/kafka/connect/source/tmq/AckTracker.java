package com.taosdata.kafka.connect.source.tmq;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides which TMQ positions may be committed: those taken after a poll whose records, and the records of every
 * earlier poll, Kafka has acknowledged. Acknowledgements arrive in any order from the producer's threads; TDengine
 * only learns of a position once everything before it is safe in Kafka, so a crash re-delivers rather than loses.
 */
final class AckTracker {

    /**
     * One poll's records and the positions after it. Its records carry it ({@link PolledRecord}), so an
     * acknowledgement finds its batch without a lookup: the producer's network thread acknowledges every record.
     */
    static final class Batch {
        private final Map<TmqPartition, Long> positions;
        private int unacknowledged;

        Batch(Map<TmqPartition, Long> positions) {
            this.positions = Map.copyOf(positions);
        }
    }

    private final Deque<Batch> batches = new ArrayDeque<>();

    /** Starts tracking {@code batch}, whose poll handed out {@code records} records built with it. */
    synchronized void register(Batch batch, int records) {
        if (records <= 0) {
            throw new IllegalArgumentException("a batch needs records");
        }
        batch.unacknowledged = records;
        batches.addLast(batch);
    }

    synchronized void acknowledge(Batch batch) {
        if (batch.unacknowledged == 0) {
            throw new IllegalStateException("acknowledging more records than the batch had, or an unregistered batch");
        }
        batch.unacknowledged--;
    }

    /** The positions now safe to commit, merged (later polls win), and forgets them; empty when none. */
    synchronized Map<TmqPartition, Long> takeCommittable() {
        Map<TmqPartition, Long> committable = new HashMap<>();
        while (!batches.isEmpty() && batches.peekFirst().unacknowledged == 0) {
            committable.putAll(batches.removeFirst().positions);
        }
        return committable;
    }
}
