package com.taosdata.kafka.connect.schemas.mapping;

import com.taosdata.kafka.connect.schemas.RenderOptions;
import com.taosdata.kafka.connect.schemas.TdengineType;
import com.taosdata.kafka.connect.schemas.ValueKind;
import java.util.List;

/** Connect BOOLEAN → TDengine BOOL, written {@code true} / {@code false}. */
public final class BooleanMapping implements ColumnMapping {

    @Override
    public List<String> registrationKeys() {
        return List.of("BOOLEAN");
    }

    @Override
    public ValueKind kind() {
        return ValueKind.BOOLEAN;
    }

    @Override
    public TdengineType columnType(RenderOptions options) {
        return TdengineType.BOOL;
    }

    @Override
    public void appendLineValue(StringBuilder out, Object value, RenderOptions options) {
        out.append(((Boolean) value).booleanValue());
    }

    @Override
    public void appendPlainValue(StringBuilder out, Object value, RenderOptions options) {
        out.append(((Boolean) value).booleanValue());
    }
}
