package com.taosdata.kafka.connect.sink.record;

import java.util.List;

import org.apache.kafka.connect.sink.SinkRecord;

/** A record and the payloads it contributes to a batch. */
public final class EncodedRecord {

    private final SinkRecord record;
    private final List<String> payloads;

    public EncodedRecord(SinkRecord record, List<String> payloads) {
        this.record = record;
        this.payloads = payloads;
    }

    public SinkRecord record() {
        return record;
    }

    public List<String> payloads() {
        return payloads;
    }
}
