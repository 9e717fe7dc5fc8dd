package com.taosdata.kafka.connect.sink.record;

import java.util.List;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A record and what it contributes to a batch: its schemaless payloads ({@code write.method=schemaless}), or, for a
 * typed record ({@code write.method=stmt}), the record alone: the writer thread takes it apart once it knows the
 * super table, so a buffered typed record keeps no more objects alive than the record itself.
 */
public final class EncodedRecord {

    private final SinkRecord record;
    private final List<String> payloads;
    private final boolean typed;

    public EncodedRecord(SinkRecord record, List<String> payloads) {
        this(record, payloads, false);
    }

    private EncodedRecord(SinkRecord record, List<String> payloads, boolean typed) {
        this.record = record;
        this.payloads = payloads;
        this.typed = typed;
    }

    /** A record of {@code write.method=stmt}: one row, written from the record's value. */
    public static EncodedRecord typed(SinkRecord record) {
        return new EncodedRecord(record, List.of(), true);
    }

    public SinkRecord record() {
        return record;
    }

    /** The schemaless payloads; empty for a typed record. */
    public List<String> payloads() {
        return payloads;
    }

    /**
     * This record as a batch keeps it when no bad record can be reported: only where it came from, its timestamp and,
     * for a typed record, which the writer takes apart later, its value (see {@link RecordIds#detached}).
     */
    public EncodedRecord detached() {
        SinkRecord kept = typed
                ? RecordIds.detached(record, record.valueSchema(), record.value())
                : RecordIds.detached(record, null, null);
        return new EncodedRecord(kept, payloads, typed);
    }

    /** How many lines or rows the record adds to its batch. */
    public int rows() {
        return typed ? 1 : payloads.size();
    }
}
