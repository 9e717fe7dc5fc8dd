package com.taosdata.kafka.connect.schemas.mapping;

import com.taosdata.kafka.connect.schemas.TdengineType;
import java.math.BigDecimal;
import java.util.List;
import org.apache.kafka.connect.data.Decimal;

/**
 * Connect {@code Decimal} → TDengine DOUBLE, suffix {@code f64}: line protocol has no decimal literal, so the
 * value is rounded to the nearest double.
 */
public final class DecimalMapping extends FloatingMapping {

    public DecimalMapping() {
        super(TdengineType.DOUBLE, "f64");
    }

    @Override
    void appendNumber(StringBuilder out, Object value) {
        double number = ((BigDecimal) value).doubleValue();
        requireFinite(number);
        out.append(number);
    }

    @Override
    public List<String> registrationKeys() {
        return List.of(Decimal.LOGICAL_NAME);
    }
}
