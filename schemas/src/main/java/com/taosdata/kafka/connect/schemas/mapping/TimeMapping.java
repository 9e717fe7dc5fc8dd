package com.taosdata.kafka.connect.schemas.mapping;

import java.util.List;
import org.apache.kafka.connect.data.Time;

/**
 * Connect {@code Time} (time of day, as the time since midnight)
 * → TDengine BIGINT in the output precision, suffix {@code i64}.
 */
public final class TimeMapping extends TemporalMapping {

    @Override
    public List<String> registrationKeys() {
        return List.of(Time.LOGICAL_NAME);
    }
}
