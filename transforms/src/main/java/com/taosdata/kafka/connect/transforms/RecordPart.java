package com.taosdata.kafka.connect.transforms;

import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;

/** Which half of a record an SMT's {@code Key} or {@code Value} variant reads and replaces. */
enum RecordPart {
    KEY {
        @Override
        Object get(ConnectRecord<?> record) {
            return record.key();
        }

        @Override
        <R extends ConnectRecord<R>> R replace(R record, String text) {
            return record.newRecord(
                    record.topic(),
                    record.kafkaPartition(),
                    Schema.STRING_SCHEMA,
                    text,
                    record.valueSchema(),
                    record.value(),
                    record.timestamp(),
                    record.headers());
        }
    },
    VALUE {
        @Override
        Object get(ConnectRecord<?> record) {
            return record.value();
        }

        @Override
        <R extends ConnectRecord<R>> R replace(R record, String text) {
            return record.newRecord(
                    record.topic(),
                    record.kafkaPartition(),
                    record.keySchema(),
                    record.key(),
                    Schema.STRING_SCHEMA,
                    text,
                    record.timestamp(),
                    record.headers());
        }
    };

    abstract Object get(ConnectRecord<?> record);

    /** A copy of {@code record} with this part replaced by {@code text}, typed as a STRING. */
    abstract <R extends ConnectRecord<R>> R replace(R record, String text);
}
