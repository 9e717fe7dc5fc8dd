package com.taosdata.kafka.connect.schemas.mapping;

import com.taosdata.kafka.connect.schemas.TdengineType;
import java.util.List;

/** Connect INT64 → TDengine BIGINT, line protocol suffix {@code i64}. */
public final class Int64Mapping extends IntegerMapping {

    public Int64Mapping() {
        super(TdengineType.BIGINT, "i64");
    }

    @Override
    public List<String> registrationKeys() {
        return List.of("INT64");
    }
}
