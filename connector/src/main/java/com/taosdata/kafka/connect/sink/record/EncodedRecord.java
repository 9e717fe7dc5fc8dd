package com.taosdata.kafka.connect.sink.record;

import com.taosdata.kafka.connect.sink.row.TypedRow;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A record and what it contributes to a batch: its schemaless payloads ({@code write.method=schemaless}), or, for a
 * typed record ({@code write.method=stmt}), its row when the task could convert it (its super table known), else the
 * record alone, for the writer thread to take apart once it has found or made the super table.
 */
public final class EncodedRecord {

    /** Connect's record, one keeping only what the writer still reads, or null when only the ids below are kept. */
    private final SinkRecord record;

    private final TopicPartition partition;
    private final long offset;
    private final long timestamp;
    private final List<String> payloads;
    private final TypedRow row;
    private final boolean typed;

    public EncodedRecord(SinkRecord record, List<String> payloads) {
        this(record, payloads, null, false);
    }

    private EncodedRecord(SinkRecord record, List<String> payloads, TypedRow row, boolean typed) {
        this.record = record;
        this.partition = null;
        this.offset = -1;
        this.timestamp = RecordBatch.NO_TIMESTAMP;
        this.payloads = payloads;
        this.row = row;
        this.typed = typed;
    }

    private EncodedRecord(TopicPartition partition, long offset, Long timestamp, EncodedRecord encoded) {
        this.record = null;
        this.partition = partition;
        this.offset = offset;
        this.timestamp = timestamp == null ? RecordBatch.NO_TIMESTAMP : timestamp;
        this.payloads = encoded.payloads;
        this.row = encoded.row;
        this.typed = encoded.typed;
    }

    /**
     * A record of {@code write.method=stmt} for the writer to convert: the task does not know its super table yet, or
     * the table must change for it ({@code auto.evolve}).
     */
    public static EncodedRecord typed(SinkRecord record) {
        return new EncodedRecord(record, List.of(), null, true);
    }

    /** A record of {@code write.method=stmt} and its row. */
    public static EncodedRecord typed(SinkRecord record, TypedRow row) {
        return new EncodedRecord(record, List.of(), row, true);
    }

    /** This typed record, which the task kept whole for want of its super table, with the row the writer made. */
    public EncodedRecord withRow(TypedRow converted) {
        return typed(record, converted);
    }

    /**
     * The record as Connect handed it over when it is kept (to be reported to the DLQ, or taken apart by the writer);
     * otherwise a record with only its coordinates, offset and timestamp, built anew, for an error to name it.
     */
    public SinkRecord record() {
        if (record != null) {
            return record;
        }
        return new SinkRecord(
                partition.topic(),
                partition.partition(),
                null,
                null,
                null,
                null,
                offset,
                timestamp == RecordBatch.NO_TIMESTAMP ? null : timestamp,
                timestamp == RecordBatch.NO_TIMESTAMP ? TimestampType.NO_TIMESTAMP_TYPE : TimestampType.CREATE_TIME);
    }

    /** The partition the record was consumed from (see {@link RecordIds#partition}). */
    public TopicPartition partition() {
        return record != null ? RecordIds.partition(record) : partition;
    }

    /** The record's Kafka timestamp, or null. */
    public Long timestamp() {
        if (record != null) {
            return record.timestamp();
        }
        return timestamp == RecordBatch.NO_TIMESTAMP ? null : timestamp;
    }

    /** The schemaless payloads; empty for a typed record. */
    public List<String> payloads() {
        return payloads;
    }

    /** The typed record's row, or null when the writer has yet to convert the record (and for schemaless ones). */
    public TypedRow row() {
        return row;
    }

    /**
     * This record as a batch keeps it when no bad record can be reported. A typed record without its row keeps its
     * value, which the writer takes apart (see {@link RecordIds#detached}); every other one keeps only where it came
     * from and its timestamp: Connect's record also holds the consumer's record, with its key, value bytes and
     * headers, and under {@code connect-distributed.sh}'s 20 ms G1 pause target the collector copies whatever waits
     * in a batch at every young collection (GC log of the typed benchmark with 2 tasks: survivor space full, a
     * collection every 70-100 ms, 20-37 ms each).
     *
     * @param partition the partition the record was consumed from and {@code offset} its offset there (see {@link
     *     RecordIds}): the task has them at hand for every record, so they are not looked up again
     */
    public EncodedRecord detached(TopicPartition partition, long offset) {
        if (record == null) {
            return this;
        }
        if (typed && row == null) {
            return typed(RecordIds.detached(record, record.valueSchema(), record.value()));
        }
        return new EncodedRecord(partition, offset, record.timestamp(), this);
    }

    /** How many lines or rows the record adds to its batch. */
    public int rows() {
        return typed ? 1 : payloads.size();
    }
}
