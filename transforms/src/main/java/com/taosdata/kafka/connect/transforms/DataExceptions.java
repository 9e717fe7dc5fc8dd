package com.taosdata.kafka.connect.transforms;

import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Builds the {@link DataException}s the SMTs throw, naming topic, partition, offset and field so that a record
 * sent to the dead letter queue carries a reason someone can act on.
 */
final class DataExceptions {

    private DataExceptions() {}

    static DataException forField(
            String transformation, ConnectRecord<?> record, String field, String reason, Throwable cause) {
        String offset = record instanceof SinkRecord ? Long.toString(((SinkRecord) record).kafkaOffset()) : "n/a";
        return new DataException(
                transformation + ": cannot encode record topic=" + record.topic() + " partition="
                        + record.kafkaPartition() + " offset=" + offset + " field=" + field + ": " + reason,
                cause);
    }
}
