package com.taosdata.kafka.connect.schemas.mapping;

import com.taosdata.kafka.connect.schemas.TdengineType;
import java.util.List;

/** Connect INT16 → TDengine SMALLINT, line protocol suffix {@code i16}. */
public final class Int16Mapping extends IntegerMapping {

    public Int16Mapping() {
        super(TdengineType.SMALLINT, "i16");
    }

    @Override
    public List<String> registrationKeys() {
        return List.of("INT16");
    }
}
