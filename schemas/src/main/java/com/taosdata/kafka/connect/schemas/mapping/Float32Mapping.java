package com.taosdata.kafka.connect.schemas.mapping;

import com.taosdata.kafka.connect.schemas.TdengineType;
import java.util.List;

/** Connect FLOAT32 → TDengine FLOAT, suffix {@code f32}. */
public final class Float32Mapping extends FloatingMapping {

    public Float32Mapping() {
        super(TdengineType.FLOAT, "f32");
    }

    @Override
    void appendNumber(StringBuilder out, Object value) {
        float number = ((Number) value).floatValue();
        requireFinite(number);
        // float's own shortest form: widening to double first would print 0.1f as 0.10000000149011612
        out.append(number);
    }

    @Override
    public List<String> registrationKeys() {
        return List.of("FLOAT32");
    }
}
