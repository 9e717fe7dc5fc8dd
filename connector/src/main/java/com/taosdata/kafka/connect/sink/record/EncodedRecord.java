package com.taosdata.kafka.connect.sink.record;

import java.util.List;

import org.apache.kafka.connect.sink.SinkRecord;

import com.taosdata.kafka.connect.transforms.point.Point;

/**
 * A record and what it contributes to a batch: its schemaless payloads ({@code write.method=schemaless}), or the
 * record taken apart into tags, fields and timestamp ({@code write.method=stmt}), which the writer thread turns into a
 * row once it knows the super table.
 */
public final class EncodedRecord {

    private final SinkRecord record;
    private final List<String> payloads;
    private final Point point;

    public EncodedRecord(SinkRecord record, List<String> payloads) {
        this.record = record;
        this.payloads = payloads;
        this.point = null;
    }

    public EncodedRecord(SinkRecord record, Point point) {
        this.record = record;
        this.payloads = List.of();
        this.point = point;
    }

    public SinkRecord record() {
        return record;
    }

    /** The schemaless payloads; empty for a typed record. */
    public List<String> payloads() {
        return payloads;
    }

    /** The typed record's parts; {@code null} for a schemaless one. */
    public Point point() {
        return point;
    }

    /** How many lines or rows the record adds to its batch. */
    public int rows() {
        return point != null ? 1 : payloads.size();
    }
}
