package com.taosdata.kafka.connect.source.format;

import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import com.taosdata.kafka.connect.schemas.text.LineEscaper;
import com.taosdata.kafka.connect.source.table.ColumnDef;
import com.taosdata.kafka.connect.source.table.TableSchema;
import java.util.List;

/**
 * The parts of a line that only depend on a table's schema, escaped once per schema instead of once per row (a JFR
 * profile of query mode found the line formatter escaping every key of every row): the measurement, each tag's
 * {@code ,key=}, each column's {@code key=}, and the words naming a tag's value in an error. A name that has no line
 * form is left {@code null}, so that formatting a row escapes it again and fails saying why, as it did before.
 */
final class LineKeys {

    private final TableSchema schema;
    private final String measurement;
    private final String[] keys;
    private final String[] tagValueWhat;

    private LineKeys(TableSchema schema) {
        this.schema = schema;
        this.measurement = escaped(schema.measurement(), null, true);
        List<ColumnDef> columns = schema.columns();
        this.keys = new String[columns.size()];
        this.tagValueWhat = new String[columns.size()];
        for (int i = 1; i < columns.size(); i++) {
            ColumnDef column = columns.get(i);
            keys[i] = escaped(column.name(), keyWhat(column), false);
            if (column.isTag()) {
                tagValueWhat[i] = "value of tag " + column.name();
            }
        }
    }

    /** The keys of {@code schema}: {@code last} when it was made for the same schema object. */
    static LineKeys of(TableSchema schema, LineKeys last) {
        return last != null && last.schema == schema ? last : new LineKeys(schema);
    }

    TableSchema schema() {
        return schema;
    }

    /** Appends the escaped measurement. */
    void appendMeasurement(StringBuilder out) {
        if (measurement == null) {
            LineEscaper.appendMeasurement(out, schema.measurement());
        } else {
            out.append(measurement);
        }
    }

    /** Appends the escaped name of column {@code index}, a tag key or a field key. */
    void appendKey(StringBuilder out, int index) {
        if (keys[index] == null) {
            ColumnDef column = schema.columns().get(index);
            LineEscaper.appendKey(out, column.name(), keyWhat(column));
        } else {
            out.append(keys[index]);
        }
    }

    /** What the value of tag {@code index} is called in an error. */
    String tagValueWhat(int index) {
        return tagValueWhat[index];
    }

    private static String keyWhat(ColumnDef column) {
        return column.isTag() ? "tag key" : "field key";
    }

    private static String escaped(String name, String what, boolean measurement) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        try {
            if (measurement) {
                LineEscaper.appendMeasurement(out, name);
            } else {
                LineEscaper.appendKey(out, name, what);
            }
        } catch (UnsupportedValueException e) {
            return null;
        }
        return out.toString();
    }
}
