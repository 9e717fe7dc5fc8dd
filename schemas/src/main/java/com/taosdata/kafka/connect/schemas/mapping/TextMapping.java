package com.taosdata.kafka.connect.schemas.mapping;

import com.taosdata.kafka.connect.schemas.RenderOptions;
import com.taosdata.kafka.connect.schemas.TdengineType;
import com.taosdata.kafka.connect.schemas.ValueKind;
import com.taosdata.kafka.connect.schemas.text.LineEscaper;

/** Base of the mappings written as strings: VARCHAR ({@code "…"}) or NCHAR ({@code L"…"}) per string type. */
abstract class TextMapping implements ColumnMapping {

    /** Appends the value's text, unescaped. */
    abstract void appendText(StringBuilder out, Object value, RenderOptions options);

    @Override
    public ValueKind kind() {
        return ValueKind.STRING;
    }

    @Override
    public TdengineType columnType(RenderOptions options) {
        return options.stringType().columnType();
    }

    @Override
    public void appendLineValue(StringBuilder out, Object value, RenderOptions options) {
        out.append(options.stringType().linePrefix());
        if (value instanceof CharSequence) {
            LineEscaper.appendFieldString(out, (CharSequence) value);
        } else {
            StringBuilder text = new StringBuilder();
            appendText(text, value, options);
            LineEscaper.appendFieldString(out, text);
        }
        out.append('"');
    }

    @Override
    public void appendPlainValue(StringBuilder out, Object value, RenderOptions options) {
        appendText(out, value, options);
    }
}
