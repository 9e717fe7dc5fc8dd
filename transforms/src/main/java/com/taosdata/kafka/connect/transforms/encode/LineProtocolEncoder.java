package com.taosdata.kafka.connect.transforms.encode;

import com.taosdata.kafka.connect.schemas.RenderOptions;
import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import com.taosdata.kafka.connect.schemas.text.LineEscaper;
import com.taosdata.kafka.connect.transforms.point.FieldValueException;
import com.taosdata.kafka.connect.transforms.point.Point;

/** {@code measurement,tag=value… field=value… timestamp}, escaped per TDengine's schemaless rules. */
public final class LineProtocolEncoder implements PointEncoder, TagText.Sink {

    static final String MEASUREMENT = "<measurement>";

    private final RenderOptions options;
    private final StringBuilder scratch = new StringBuilder();
    private final EscapedKeys tagKeys = new EscapedKeys("tag key", ",", ",");
    private final EscapedKeys fieldKeys = new EscapedKeys("field key", "", ",");
    /** The last measurement and its escaped text: records of one topic or one static name share it. */
    private String measurement;

    private String measurementText;

    public LineProtocolEncoder(RenderOptions options) {
        this.options = options;
    }

    @Override
    public void encode(Point point, StringBuilder out) {
        appendMeasurement(out, point.measurement());
        TagText.appendAll(point.tags(), options, scratch, out, this);
        out.append(' ');
        Point.Entries fields = point.fields();
        for (int i = 0; i < fields.size(); i++) {
            try {
                fieldKeys.append(out, i, fields.key(i));
                fields.mapping(i).appendLineValue(out, fields.value(i), options);
            } catch (UnsupportedValueException e) {
                throw new FieldValueException(fields.key(i), e.getMessage(), e);
            }
        }
        out.append(' ').append(point.timestamp());
    }

    /** Escapes a measurement only when it differs from the last one; one that cannot be written is refused every time. */
    private void appendMeasurement(StringBuilder out, String name) {
        if (!name.equals(measurement)) {
            StringBuilder text = new StringBuilder(name.length() + 8);
            try {
                LineEscaper.appendMeasurement(text, name);
            } catch (UnsupportedValueException e) {
                throw new FieldValueException(MEASUREMENT, e.getMessage(), e);
            }
            measurementText = text.toString();
            measurement = name;
        }
        out.append(measurementText);
    }

    @Override
    public void appendTag(StringBuilder out, String key, CharSequence value, int index) {
        tagKeys.append(out, index, key);
        LineEscaper.appendKey(out, value, "tag value");
    }
}
