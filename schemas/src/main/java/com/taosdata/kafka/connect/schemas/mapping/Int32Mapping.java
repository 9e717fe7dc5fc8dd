package com.taosdata.kafka.connect.schemas.mapping;

import com.taosdata.kafka.connect.schemas.TdengineType;
import java.util.List;

/** Connect INT32 → TDengine INT, line protocol suffix {@code i32}. */
public final class Int32Mapping extends IntegerMapping {

    public Int32Mapping() {
        super(TdengineType.INT, "i32");
    }

    @Override
    public List<String> registrationKeys() {
        return List.of("INT32");
    }
}
