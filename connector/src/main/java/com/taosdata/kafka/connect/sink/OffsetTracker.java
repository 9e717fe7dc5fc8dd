package com.taosdata.kafka.connect.sink;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The offsets that are safe to commit: per partition, up to the first record still waiting in a buffer, or past the
 * last record seen when none waits. A record counts as done once TDengine acknowledged it, it went to the DLQ, or it
 * was a tombstone. A partition's records usually all go to one database buffer, but not always (an SMT may route
 * them to several topics, hence databases), so the first waiting offset is kept per database buffer: writing one
 * buffer never lets the committed offset pass a record still waiting in another.
 */
final class OffsetTracker {

    private static final class Progress {
        long nextToCommit = -1;
        /** Per database buffer, this partition's first record waiting in it; records in a buffer are in offset order. */
        final Map<String, Long> firstWaiting = new HashMap<>(2);

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
    void done(TopicPartition partition, long offset) {
        Progress progress = partitions.computeIfAbsent(partition, p -> new Progress());
        progress.nextToCommit = Math.max(progress.nextToCommit, offset + 1);
    }

    /** A record was put in the buffer of {@code database} and waits to be written. */
    void waiting(TopicPartition partition, long offset, String database) {
        Progress progress = partitions.computeIfAbsent(partition, p -> new Progress());
        progress.firstWaiting.putIfAbsent(database, offset);
        progress.nextToCommit = Math.max(progress.nextToCommit, offset + 1);
    }

    /** Every record that waited in the buffer of {@code database} was written (or dead-lettered). */
    void written(String database) {
        for (Progress progress : partitions.values()) {
            progress.firstWaiting.remove(database);
        }
    }

    void forget(Collection<TopicPartition> revoked) {
        revoked.forEach(partitions::remove);
    }

    /** Offsets to commit among {@code assigned}; partitions with nothing done yet are left out. */
    Map<TopicPartition, OffsetAndMetadata> committable(Collection<TopicPartition> assigned) {
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
