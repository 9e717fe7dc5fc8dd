package com.taosdata.kafka.connect.source.tmq;

import org.apache.kafka.connect.source.SourceRecord;

/**
 * A record of a TMQ poll, carrying the poll's {@link AckTracker.Batch}. Connect hands the task back the very record
 * its poll returned ({@code commitRecord} gets the record before transformations), so the batch comes with it.
 */
final class PolledRecord extends SourceRecord {

    private final AckTracker.Batch batch;

    PolledRecord(SourceRecord record, AckTracker.Batch batch) {
        super(
                record.sourcePartition(),
                record.sourceOffset(),
                record.topic(),
                record.kafkaPartition(),
                record.keySchema(),
                record.key(),
                record.valueSchema(),
                record.value(),
                record.timestamp(),
                record.headers());
        this.batch = batch;
    }

    AckTracker.Batch batch() {
        return batch;
    }
}
