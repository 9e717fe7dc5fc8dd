package com.taosdata.kafka.connect.sink.record;

import java.util.List;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.sink.SinkRecord;

/** Test records. */
public final class SinkRecords {

    private SinkRecords() {}

    public static SinkRecord record(String topic, int partition, long offset, Object value) {
        return new SinkRecord(topic, partition, null, null, null, value, offset);
    }

    /** A record an SMT moved from {@code originalTopic} to {@code topic}, as the worker hands it over. */
    public static SinkRecord renamed(String topic, String originalTopic, int partition, long offset, Object value) {
        return new SinkRecord(
                topic,
                partition,
                null,
                null,
                null,
                value,
                offset,
                null,
                TimestampType.NO_TIMESTAMP_TYPE,
                List.of(),
                originalTopic,
                partition,
                offset);
    }
}
