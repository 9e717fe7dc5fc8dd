package com.taosdata.kafka.connect.transforms.encode;

import com.taosdata.kafka.connect.schemas.RenderOptions;
import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import com.taosdata.kafka.connect.schemas.mapping.ColumnMapping;
import com.taosdata.kafka.connect.transforms.point.FieldValueException;
import com.taosdata.kafka.connect.transforms.point.Point;

/**
 * Shared shape of the OpenTSDB protocols: one data point per field, named
 * {@code <measurement><field.separator><field>}, each carrying the record's timestamp and all its tags.
 */
abstract class OpenTsdbEncoder implements PointEncoder, TagText.Sink {

    final RenderOptions options;
    private final String separator;
    private final StringBuilder tagText = new StringBuilder();
    private final StringBuilder metric = new StringBuilder();
    final StringBuilder scratch = new StringBuilder();

    OpenTsdbEncoder(RenderOptions options, String separator) {
        this.options = options;
        this.separator = separator;
    }

    /** Appends what opens the record's output. */
    abstract void begin(StringBuilder out);

    /** Appends data point {@code index} of the record. */
    abstract void appendDataPoint(
            StringBuilder out,
            int index,
            CharSequence metric,
            long timestamp,
            ColumnMapping mapping,
            Object value,
            CharSequence tags,
            int tagCount);

    /** Appends what closes the record's output. */
    abstract void end(StringBuilder out);

    @Override
    public final void encode(Point point, StringBuilder out) {
        tagText.setLength(0);
        int tagCount = TagText.appendAll(point.tags(), options, scratch, tagText, this);
        begin(out);
        Point.Entries fields = point.fields();
        for (int i = 0; i < fields.size(); i++) {
            metric.setLength(0);
            metric.append(point.measurement()).append(separator).append(fields.key(i));
            try {
                appendDataPoint(
                        out, i, metric, point.timestamp(), fields.mapping(i), fields.value(i), tagText, tagCount);
            } catch (UnsupportedValueException e) {
                throw new FieldValueException(fields.key(i), e.getMessage(), e);
            }
        }
        end(out);
    }
}
