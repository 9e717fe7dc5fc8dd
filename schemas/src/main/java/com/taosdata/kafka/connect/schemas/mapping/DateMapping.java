package com.taosdata.kafka.connect.schemas.mapping;

import java.util.List;
import org.apache.kafka.connect.data.Date;

/**
 * Connect {@code Date} (days since the epoch (midnight UTC), as epoch time)
 * → TDengine BIGINT in the output precision, suffix {@code i64}.
 */
public final class DateMapping extends TemporalMapping {

    @Override
    public List<String> registrationKeys() {
        return List.of(Date.LOGICAL_NAME);
    }
}
