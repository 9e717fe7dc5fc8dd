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
    private final EscapedKeys tagKeys = new EscapedKeys("tag key");
    private final EscapedKeys fieldKeys = new EscapedKeys("field key");

    public LineProtocolEncoder(RenderOptions options) {
        this.options = options;
    }

    @Override
    public void encode(Point point, StringBuilder out) {
        try {
            LineEscaper.appendMeasurement(out, point.measurement());
        } catch (UnsupportedValueException e) {
            throw new FieldValueException(MEASUREMENT, e.getMessage(), e);
        }
        TagText.appendAll(point.tags(), options, scratch, out, this);
        out.append(' ');
        Point.Entries fields = point.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            try {
                fieldKeys.append(out, i, fields.key(i));
                fields.mapping(i).appendLineValue(out, fields.value(i), options);
            } catch (UnsupportedValueException e) {
                throw new FieldValueException(fields.key(i), e.getMessage(), e);
            }
        }
        out.append(' ').append(point.timestamp());
    }

    @Override
    public void appendTag(StringBuilder out, String key, CharSequence value, int index) {
        out.append(',');
        tagKeys.append(out, index, key);
        LineEscaper.appendKey(out, value, "tag value");
    }
}
