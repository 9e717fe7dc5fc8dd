package com.taosdata.kafka.connect.sink.record;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Where a record came from in Kafka. Uses the record's original coordinates: an SMT such as RegexRouter may rename
 * its topic, but the worker's offsets (and an operator looking for the record) name the partition it was consumed from.
 */
public final class RecordIds {

    private RecordIds() {}

    /** How error messages name a record, so an operator can find it in Kafka. */
    public static String describe(SinkRecord record) {
        TopicPartition partition = partition(record);
        return "record " + partition.topic() + "-" + partition.partition() + "@" + offset(record);
    }

    /** {@code reason} as a data error of {@code record}, which the message names first (see {@link #describe}). */
    public static DataException dataError(SinkRecord record, Exception reason) {
        return new DataException(describe(record) + ": " + reason.getMessage(), reason);
    }

    /** The partition the record was consumed from, as the offsets passed to {@code preCommit} and {@code close} name it. */
    public static TopicPartition partition(SinkRecord record) {
        try {
            return new TopicPartition(record.originalTopic(), record.originalKafkaPartition());
        } catch (NoSuchMethodError e) {
            // Workers before Kafka 3.6 know no original coordinates; there a record keeps the consumer's.
            return new TopicPartition(record.topic(), record.kafkaPartition());
        }
    }

    /** The record's offset in {@link #partition}. */
    public static long offset(SinkRecord record) {
        try {
            return record.originalKafkaOffset();
        } catch (NoSuchMethodError e) {
            return record.kafkaOffset();
        }
    }

    /**
     * A record with {@code record}'s coordinates (original ones included), offset and timestamp, and {@code value}:
     * no key, no headers. Connect's own record also keeps the consumer's record alive, with its key and value bytes
     * and headers, and its processing context; a batch keeps its records until TDengine has them, and under
     * {@code connect-distributed.sh}'s 20 ms G1 pause target the collector copies whatever a waiting batch holds at
     * every young collection (JFR of the worker: the consumer's records, their byte arrays and Connect's records
     * among the objects promoted). Only a record that may go to the errant record reporter needs the original, whose
     * bytes the reporter writes to the DLQ. Workers before Kafka 3.6 have no such constructor; their records are kept.
     */
    public static SinkRecord detached(SinkRecord record, Schema valueSchema, Object value) {
        try {
            return new SinkRecord(
                    record.topic(),
                    record.kafkaPartition(),
                    null,
                    null,
                    valueSchema,
                    value,
                    record.kafkaOffset(),
                    record.timestamp(),
                    record.timestampType(),
                    null,
                    record.originalTopic(),
                    record.originalKafkaPartition(),
                    record.originalKafkaOffset());
        } catch (NoSuchMethodError e) {
            return record;
        }
    }
}
