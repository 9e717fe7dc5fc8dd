package com.taosdata.kafka.connect.sink.record;

import org.apache.kafka.common.TopicPartition;
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
}
