package com.taosdata.kafka.connect.transforms.encode;

import com.taosdata.kafka.connect.schemas.RenderOptions;
import com.taosdata.kafka.connect.schemas.ValueKind;
import com.taosdata.kafka.connect.schemas.mapping.ColumnMapping;
import com.taosdata.kafka.connect.schemas.text.JsonWriter;

/**
 * OpenTSDB JSON: an array with one {@code {"metric","timestamp","value","tags"}} object per field. Tag values
 * are JSON strings, like the NCHAR tags of the other protocols.
 */
public final class OpenTsdbJsonEncoder extends OpenTsdbEncoder {

    public OpenTsdbJsonEncoder(RenderOptions options, String separator) {
        super(options, separator);
    }

    @Override
    public void appendTag(StringBuilder tags, String key, CharSequence value, int index) {
        if (index > 0) {
            tags.append(',');
        }
        JsonWriter.appendString(tags, key);
        tags.append(':');
        JsonWriter.appendString(tags, value);
    }

    @Override
    void begin(StringBuilder out) {
        out.append('[');
    }

    @Override
    void appendDataPoint(
            StringBuilder out,
            int index,
            CharSequence metric,
            long timestamp,
            ColumnMapping mapping,
            Object value,
            CharSequence tags,
            int tagCount) {
        if (index > 0) {
            out.append(',');
        }
        out.append("{\"metric\":");
        JsonWriter.appendString(out, metric);
        out.append(",\"timestamp\":").append(timestamp).append(",\"value\":");
        if (mapping.kind() == ValueKind.STRING) {
            scratch.setLength(0);
            mapping.appendPlainValue(scratch, value, options);
            JsonWriter.appendString(out, scratch);
        } else {
            mapping.appendPlainValue(out, value, options);
        }
        out.append(",\"tags\":{").append(tags).append("}}");
    }

    @Override
    void end(StringBuilder out) {
        out.append(']');
    }
}
