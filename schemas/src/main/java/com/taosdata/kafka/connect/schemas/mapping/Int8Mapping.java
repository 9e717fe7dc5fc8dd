package com.taosdata.kafka.connect.schemas.mapping;

import com.taosdata.kafka.connect.schemas.TdengineType;
import java.util.List;

/** Connect INT8 → TDengine TINYINT, line protocol suffix {@code i8}. */
public final class Int8Mapping extends IntegerMapping {

    public Int8Mapping() {
        super(TdengineType.TINYINT, "i8");
    }

    @Override
    public List<String> registrationKeys() {
        return List.of("INT8");
    }
}
