package com.taosdata.kafka.connect.sink;

import java.util.List;

import org.apache.kafka.connect.sink.SinkRecord;

/** A record and the payloads it contributes to a batch. */
final class EncodedRecord {

    private final SinkRecord record;
    private final List<String> payloads;

    EncodedRecord(SinkRecord record, List<String> payloads) {
        this.record = record;
        this.payloads = payloads;
    }

    SinkRecord record() {
        return record;
    }

    List<String> payloads() {
        return payloads;
    }
}
