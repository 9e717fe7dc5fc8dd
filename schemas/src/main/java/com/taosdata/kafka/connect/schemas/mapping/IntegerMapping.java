package com.taosdata.kafka.connect.schemas.mapping;

import com.taosdata.kafka.connect.schemas.RenderOptions;
import com.taosdata.kafka.connect.schemas.SuffixStyle;
import com.taosdata.kafka.connect.schemas.TdengineType;
import com.taosdata.kafka.connect.schemas.ValueKind;

/**
 * Base of the integer mappings: a width-specific TDengine type and suffix, or BIGINT and {@code i} in the InfluxDB
 * style.
 */
abstract class IntegerMapping implements ColumnMapping {

    private final TdengineType columnType;
    private final String suffix;

    IntegerMapping(TdengineType columnType, String suffix) {
        this.columnType = columnType;
        this.suffix = suffix;
    }

    /** The value as a long, already in the output unit where it is a point in time. */
    long longValue(Object value, RenderOptions options) {
        return ((Number) value).longValue();
    }

    @Override
    public ValueKind kind() {
        return ValueKind.INTEGER;
    }

    @Override
    public TdengineType columnType(RenderOptions options) {
        return options.suffixStyle() == SuffixStyle.TDENGINE ? columnType : TdengineType.BIGINT;
    }

    @Override
    public void appendLineValue(StringBuilder out, Object value, RenderOptions options) {
        out.append(longValue(value, options));
        out.append(options.suffixStyle() == SuffixStyle.TDENGINE ? suffix : "i");
    }

    @Override
    public void appendPlainValue(StringBuilder out, Object value, RenderOptions options) {
        out.append(longValue(value, options));
    }
}
