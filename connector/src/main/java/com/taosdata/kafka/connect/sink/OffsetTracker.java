package com.taosdata.kafka.connect.sink;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The offsets that are safe to commit: per partition, up to the first record still waiting in a buffer, or past the
 * last record seen when none waits. A record counts as done once TDengine acknowledged it, it went to the DLQ, or it
 * was a tombstone. All of a partition's records go to one database buffer (the database depends on the topic only),
 * so writing that buffer completes every record of the partition seen so far.
 */
final class OffsetTracker {

    private static final class Progress {
        long nextToCommit = -1;
        long firstWaiting = -1;
    }

    private final Map<TopicPartition, Progress> partitions = new HashMap<>();

    /** A record was handled without waiting in a buffer (tombstone, DLQ). */
    void done(TopicPartition partition, long offset) {
        Progress progress = partitions.computeIfAbsent(partition, p -> new Progress());
        progress.nextToCommit = Math.max(progress.nextToCommit, offset + 1);
    }

    /** A record was put in a buffer and waits to be written. */
    void waiting(TopicPartition partition, long offset) {
        Progress progress = partitions.computeIfAbsent(partition, p -> new Progress());
        if (progress.firstWaiting < 0) {
            progress.firstWaiting = offset;
        }
        progress.nextToCommit = Math.max(progress.nextToCommit, offset + 1);
    }

    /** Every waiting record of these partitions was written (or dead-lettered). */
    void written(Collection<TopicPartition> written) {
        for (TopicPartition partition : written) {
            Progress progress = partitions.get(partition);
            if (progress != null) {
                progress.firstWaiting = -1;
            }
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
            long offset = progress.firstWaiting >= 0 ? progress.firstWaiting : progress.nextToCommit;
            if (offset >= 0) {
                offsets.put(partition, new OffsetAndMetadata(offset));
            }
        }
        return offsets;
    }
}
