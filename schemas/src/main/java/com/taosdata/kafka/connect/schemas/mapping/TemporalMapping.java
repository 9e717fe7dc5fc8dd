package com.taosdata.kafka.connect.schemas.mapping;

import com.taosdata.kafka.connect.schemas.RenderOptions;
import com.taosdata.kafka.connect.schemas.TdengineType;
import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import java.util.Date;

/**
 * Base of the Date, Time and Timestamp mappings: Connect hands them over as {@link Date} in milliseconds (since
 * the epoch, or since midnight for Time); they are written as BIGINT counted in the output precision, because a
 * second TIMESTAMP column is not something line protocol can create.
 */
abstract class TemporalMapping extends IntegerMapping {

    TemporalMapping() {
        super(TdengineType.BIGINT, "i64");
    }

    @Override
    long longValue(Object value, RenderOptions options) {
        long millis = value instanceof Date ? ((Date) value).getTime() : ((Number) value).longValue();
        try {
            return options.precision().fromMillis(millis);
        } catch (ArithmeticException e) {
            throw new UnsupportedValueException(millis + " ms does not fit a BIGINT in " + options.precision()
                    .configName(), e);
        }
    }
}
