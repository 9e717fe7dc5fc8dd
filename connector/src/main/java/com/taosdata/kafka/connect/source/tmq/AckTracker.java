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

    private static final class Batch {
        final long id;
        final Map<TmqPartition, Long> positions;
        int unacknowledged;

        Batch(long id, int records, Map<TmqPartition, Long> positions) {
            this.id = id;
            this.unacknowledged = records;
            this.positions = positions;
        }
    }

    private final Deque<Batch> batches = new ArrayDeque<>();
    private final Map<Long, Batch> byId = new HashMap<>();
    private long nextId;

    /** Records a poll of {@code records} records after which the consumer stood at {@code positions}. */
    synchronized long register(int records, Map<TmqPartition, Long> positions) {
        if (records <= 0) {
            throw new IllegalArgumentException("a batch needs records");
        }
        Batch batch = new Batch(nextId++, records, Map.copyOf(positions));
        batches.addLast(batch);
        byId.put(batch.id, batch);
        return batch.id;
    }

    synchronized void acknowledge(long batchId) {
        Batch batch = byId.get(batchId);
        if (batch == null || batch.unacknowledged == 0) {
            throw new IllegalStateException("batch " + batchId + " has no unacknowledged record");
        }
        batch.unacknowledged--;
    }

    /** The positions now safe to commit, merged (later polls win), and forgets them; empty when none. */
    synchronized Map<TmqPartition, Long> takeCommittable() {
        Map<TmqPartition, Long> committable = new HashMap<>();
        while (!batches.isEmpty() && batches.peekFirst().unacknowledged == 0) {
            Batch done = batches.removeFirst();
            byId.remove(done.id);
            committable.putAll(done.positions);
        }
        return committable;
    }
}
