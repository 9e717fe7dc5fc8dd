package com.taosdata.kafka.connect.schemas.mapping;

import com.taosdata.kafka.connect.schemas.TdengineType;
import java.util.List;

/** Connect FLOAT64 → TDengine DOUBLE, suffix {@code f64}. */
public final class Float64Mapping extends FloatingMapping {

    public Float64Mapping() {
        super(TdengineType.DOUBLE, "f64");
    }

    @Override
    void appendNumber(StringBuilder out, Object value) {
        double number = ((Number) value).doubleValue();
        requireFinite(number);
        out.append(number);
    }

    @Override
    public List<String> registrationKeys() {
        return List.of("FLOAT64");
    }
}
