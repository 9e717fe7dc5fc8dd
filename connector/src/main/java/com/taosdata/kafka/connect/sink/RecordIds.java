package com.taosdata.kafka.connect.sink;

import org.apache.kafka.connect.sink.SinkRecord;

/** How error messages name a record, so an operator can find it in Kafka. */
final class RecordIds {

    private RecordIds() {
    }

    static String describe(SinkRecord record) {
        return "record " + record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset();
    }
}
