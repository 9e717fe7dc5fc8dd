package com.taosdata.kafka.connect.sink.write;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The offsets that are safe to commit: per partition, up to the first record still waiting in a buffer, or past the
 * last record seen when none waits. A record counts as done once TDengine acknowledged it, it went to the DLQ, or it
 * was a tombstone. A partition's records may wait in several batches at once: the batch being filled, batches being
 * written in the background, and the batches of other databases when an SMT routes one partition to several topics.
 * So the first waiting offset is kept per batch: completing one batch never lets the committed offset pass a record
 * still waiting in another.
 */
public final class OffsetTracker {

    private static final class Progress {
        long nextToCommit = -1;
        /** Per batch, this partition's first record waiting in it; records in a batch are in offset order. */
        final Map<Batch.Key, Long> firstWaiting = new HashMap<>(2);
        /**
         * The batch the last waiting record went to: its successors in the same batch need no map lookup. Compared by
         * identity, as a buffer hands out one key instance per batch; an equal key of another instance only costs the
         * lookup.
         */
        Batch.Key lastBatch;

        long committable() {
            long offset = nextToCommit;
            for (long waiting : firstWaiting.values()) {
                offset = Math.min(offset, waiting);
            }
            return offset;
        }
    }

    private final Map<TopicPartition, Progress> partitions = new HashMap<>();

    /** A record was handled without waiting in a buffer (tombstone, DLQ). */
    public void done(TopicPartition partition, long offset) {
        Progress progress = partitions.computeIfAbsent(partition, p -> new Progress());
        progress.nextToCommit = Math.max(progress.nextToCommit, offset + 1);
    }

    /** A record was put in {@code batch} and waits to be written. */
    public void waiting(TopicPartition partition, long offset, Batch.Key batch) {
        Progress progress = partitions.computeIfAbsent(partition, p -> new Progress());
        if (batch != progress.lastBatch) {
            progress.firstWaiting.putIfAbsent(batch, offset);
            progress.lastBatch = batch;
        }
        progress.nextToCommit = Math.max(progress.nextToCommit, offset + 1);
    }

    /** Every record of {@code batch} was written (or dead-lettered). */
    public void written(Batch.Key batch) {
        for (Progress progress : partitions.values()) {
            progress.firstWaiting.remove(batch);
            if (batch.equals(progress.lastBatch)) {
                progress.lastBatch = null;
            }
        }
    }

    public void forget(Collection<TopicPartition> revoked) {
        revoked.forEach(partitions::remove);
    }

    /**
     * The task gave {@code batches} up unwritten: per partition with records in them, the first offset not done, from
     * which the partition must be consumed again. Those partitions are forgotten.
     */
    public Map<TopicPartition, Long> abandon(Collection<Batch.Key> batches) {
        Map<TopicPartition, Long> consumeAgainFrom = new HashMap<>();
        partitions.forEach((partition, progress) -> {
            if (batches.stream().anyMatch(progress.firstWaiting::containsKey)) {
                consumeAgainFrom.put(partition, progress.committable());
            }
        });
        forget(consumeAgainFrom.keySet());
        return consumeAgainFrom;
    }

    /** Offsets to commit among {@code assigned}; partitions with nothing done yet are left out. */
    public Map<TopicPartition, OffsetAndMetadata> committable(Collection<TopicPartition> assigned) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : assigned) {
            Progress progress = partitions.get(partition);
            if (progress == null) {
                continue;
            }
            long offset = progress.committable();
            if (offset >= 0) {
                offsets.put(partition, new OffsetAndMetadata(offset));
            }
        }
        return offsets;
    }
}
