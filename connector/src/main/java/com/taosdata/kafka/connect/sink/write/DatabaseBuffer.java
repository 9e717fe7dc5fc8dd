package com.taosdata.kafka.connect.sink.write;

import com.taosdata.kafka.connect.sink.record.EncodedRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/** Records waiting to be written into one database, in arrival order. */
public final class DatabaseBuffer {

    private final String database;
    /**
     * A new key per batch: its running number tells this batch's records from those of the batches drained before it,
     * as {@link OffsetTracker} keys offsets by the key's value. One instance for all of a batch's records only spares
     * the tracker a map lookup per record.
     */
    private Batch.Key key;

    private List<EncodedRecord> records = new ArrayList<>();
    private int lines;
    private long firstAddedAtMs;

    public DatabaseBuffer(String database) {
        this.database = database;
        this.key = new Batch.Key(database, 0);
    }

    /** The key of the batch the buffered records will leave in. */
    public Batch.Key key() {
        return key;
    }

    public void add(EncodedRecord record, long nowMs) {
        if (records.isEmpty()) {
            firstAddedAtMs = nowMs;
        }
        records.add(record);
        lines += record.rows();
    }

    public int lines() {
        return lines;
    }

    public boolean isEmpty() {
        return records.isEmpty();
    }

    public boolean lingeredSince(long nowMs, long lingerMs) {
        return !records.isEmpty() && nowMs - firstAddedAtMs >= lingerMs;
    }

    /** When the oldest buffered record will have lingered {@code lingerMs}; {@link Long#MAX_VALUE} when empty. */
    public long lingeredAtMs(long lingerMs) {
        return records.isEmpty() ? Long.MAX_VALUE : firstAddedAtMs + lingerMs;
    }

    /** Hands the buffered records over as one batch and empties the buffer. */
    public Batch drain() {
        Batch batch = new Batch(key, records);
        records = new ArrayList<>(records.size());
        lines = 0;
        key = new Batch.Key(database, key.sequence() + 1);
        return batch;
    }

    /** Drops the records of partitions this task no longer owns; their new owner will write them. */
    public void discard(Collection<TopicPartition> partitions) {
        records.removeIf(r -> partitions.contains(r.partition()));
        lines = records.stream().mapToInt(EncodedRecord::rows).sum();
    }
}
