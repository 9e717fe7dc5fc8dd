package com.taosdata.kafka.connect.schemas.mapping;

import java.util.List;
import org.apache.kafka.connect.data.Timestamp;

/**
 * Connect {@code Timestamp} (point in time, as epoch time)
 * → TDengine BIGINT in the output precision, suffix {@code i64}.
 */
public final class TimestampMapping extends TemporalMapping {

    @Override
    public List<String> registrationKeys() {
        return List.of(Timestamp.LOGICAL_NAME);
    }
}
