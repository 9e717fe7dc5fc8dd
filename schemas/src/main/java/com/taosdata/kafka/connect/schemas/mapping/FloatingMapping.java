package com.taosdata.kafka.connect.schemas.mapping;

import com.taosdata.kafka.connect.schemas.RenderOptions;
import com.taosdata.kafka.connect.schemas.SuffixStyle;
import com.taosdata.kafka.connect.schemas.TdengineType;
import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import com.taosdata.kafka.connect.schemas.ValueKind;

/** Base of the floating-point mappings; NaN and the infinities have no line-protocol form and are rejected. */
abstract class FloatingMapping implements ColumnMapping {

    private final TdengineType columnType;
    private final String suffix;

    FloatingMapping(TdengineType columnType, String suffix) {
        this.columnType = columnType;
        this.suffix = suffix;
    }

    /** Appends the finite number in its shortest round-tripping form. */
    abstract void appendNumber(StringBuilder out, Object value);

    static void requireFinite(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new UnsupportedValueException(value + " is not a finite number; TDengine cannot store it");
        }
    }

    @Override
    public ValueKind kind() {
        return ValueKind.FLOAT;
    }

    @Override
    public TdengineType columnType(RenderOptions options) {
        return options.suffixStyle() == SuffixStyle.TDENGINE ? columnType : TdengineType.DOUBLE;
    }

    @Override
    public void appendLineValue(StringBuilder out, Object value, RenderOptions options) {
        appendNumber(out, value);
        if (options.suffixStyle() == SuffixStyle.TDENGINE) {
            out.append(suffix);
        }
    }

    @Override
    public void appendPlainValue(StringBuilder out, Object value, RenderOptions options) {
        appendNumber(out, value);
    }
}
