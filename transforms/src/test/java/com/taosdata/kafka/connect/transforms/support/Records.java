package com.taosdata.kafka.connect.transforms.support;

import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.Transformation;

/** Builds sink records and runs SMTs on them. */
public final class Records {

    public static final String TOPIC = "meters";
    public static final long KAFKA_TIMESTAMP = 1_700_000_000_000L;

    private Records() {}

    public static SinkRecord record(Schema schema, Object value, long offset) {
        return new SinkRecord(
                TOPIC,
                0,
                null,
                null,
                schema,
                value,
                offset,
                KAFKA_TIMESTAMP + offset,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME);
    }

    public static SinkRecord record(Object value) {
        return record(null, value, 42);
    }

    /** A configured transformation. */
    public static <T extends Transformation<SinkRecord>> T configured(T smt, Map<String, ?> config) {
        smt.configure(config);
        return smt;
    }

    /** The text the SMT makes of {@code record}'s value. */
    public static String encode(Transformation<SinkRecord> smt, SinkRecord record) {
        return (String) smt.apply(record).value();
    }

    /** The text the SMT makes of a value carried in a record without schema. */
    public static String encodeValue(Transformation<SinkRecord> smt, Object value) {
        return encode(smt, record(value));
    }
}
