package com.taosdata.kafka.connect.source.format;

import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import com.taosdata.kafka.connect.schemas.text.LineEscaper;
import com.taosdata.kafka.connect.source.table.ColumnDef;
import com.taosdata.kafka.connect.source.table.TableSchema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;

/**
 * InfluxDB line protocol as TDengine's schemaless interface reads it: the super table as measurement, tags as
 * escaped text (line protocol tags are always strings), every column with the value form or suffix that names its
 * TDengine type, and the timestamp in {@code data.precision}. Null columns and tags are left out, as line protocol
 * requires.
 */
final class LineFormatter implements RowFormatter {

    private final TimestampUnit unit;
    /**
     * Room for a line, grown to the longest line so far: a JFR allocation profile of subscription mode found the most
     * bytes of the task thread allocated here, mostly by the builder growing past its first size on every row.
     */
    private int lineCapacity = 128;

    private LineKeys keys;
    /** The measurement and tags of the last line whose head was written, and what they were written from. */
    private String head;

    private LineKeys headKeys;
    private Object[] headTags;

    LineFormatter(TimestampUnit unit) {
        this.unit = unit;
    }

    @Override
    public FormattedValue format(Row row) {
        try {
            return new FormattedValue(Schema.STRING_SCHEMA, line(row));
        } catch (UnsupportedValueException e) {
            throw new DataException(
                    "row of " + row.schema().database() + "." + row.table() + " at " + row.timestamp()
                            + " cannot be written as line protocol (" + e.getMessage()
                            + "); use out.format=json or struct",
                    e);
        }
    }

    private String line(Row row) {
        TableSchema schema = row.schema();
        List<ColumnDef> columns = schema.columns();
        keys = LineKeys.of(schema, keys);
        StringBuilder out = new StringBuilder(lineCapacity);
        appendHead(out, row);
        char separator = ' ';
        for (int i = 1; i < columns.size(); i++) {
            ColumnDef column = columns.get(i);
            Object value = row.value(i);
            if (!column.isTag() && value != null) {
                out.append(separator);
                separator = ',';
                keys.appendKey(out, i);
                out.append('=');
                appendField(out, column, value, schema.precision());
            }
        }
        if (separator == ' ') {
            throw new UnsupportedValueException("every column is null, and a line needs at least one field");
        }
        out.append(' ').append(unit.convert(row.timestamp(), schema.precision()));
        if (out.length() > lineCapacity) {
            lineCapacity = out.length() + 16;
        }
        return out.toString();
    }

    /**
     * Appends the measurement and the tags: the last row's when this one has the same schema and tag values (a
     * table's rows come together, and its tags seldom change).
     */
    private void appendHead(StringBuilder out, Row row) {
        TableSchema schema = row.schema();
        List<ColumnDef> columns = schema.columns();
        if (head != null && headKeys == keys && sameTags(row)) {
            out.append(head);
            return;
        }
        keys.appendMeasurement(out);
        Object[] tags = new Object[columns.size()];
        for (int i = 1; i < columns.size(); i++) {
            ColumnDef column = columns.get(i);
            Object value = row.value(i);
            if (column.isTag() && value != null) {
                tags[i] = value;
                out.append(',');
                keys.appendKey(out, i);
                out.append('=');
                LineEscaper.appendKey(out, tagText(column, value, schema.precision()), keys.tagValueWhat(i));
            }
        }
        head = out.toString();
        headKeys = keys;
        headTags = tags;
    }

    private boolean sameTags(Row row) {
        List<ColumnDef> columns = row.schema().columns();
        for (int i = 1; i < columns.size(); i++) {
            if (columns.get(i).isTag() && !Objects.deepEquals(row.value(i), headTags[i])) {
                return false;
            }
        }
        return true;
    }

    private String tagText(ColumnDef column, Object value, TimestampUnit databaseUnit) {
        switch (column.type().type()) {
            case TIMESTAMP:
                return Long.toString(TextValues.timestamp(value, databaseUnit, unit));
            case FLOAT:
            case DOUBLE:
                return TextValues.plain((Number) value);
            case BIGINT_UNSIGNED:
            case DECIMAL:
                return ((BigDecimal) value).toPlainString();
            case VARBINARY:
                return TextValues.hex((byte[]) value);
            case GEOMETRY:
                return WkbText.toText((byte[]) value);
            default:
                return value.toString();
        }
    }

    private void appendField(StringBuilder out, ColumnDef column, Object value, TimestampUnit databaseUnit) {
        switch (column.type().type()) {
            case BOOL:
                out.append((boolean) (Boolean) value);
                break;
            case TINYINT:
                out.append(((Number) value).longValue()).append("i8");
                break;
            case SMALLINT:
                out.append(((Number) value).longValue()).append("i16");
                break;
            case INT:
                out.append(((Number) value).longValue()).append("i32");
                break;
            case BIGINT:
                out.append(((Number) value).longValue()).append("i64");
                break;
            case TINYINT_UNSIGNED:
                out.append(((Number) value).longValue()).append("u8");
                break;
            case SMALLINT_UNSIGNED:
                out.append(((Number) value).longValue()).append("u16");
                break;
            case INT_UNSIGNED:
                out.append(((Number) value).longValue()).append("u32");
                break;
            case BIGINT_UNSIGNED:
                out.append(((BigDecimal) value).toPlainString()).append("u64");
                break;
            case FLOAT:
                TextValues.appendPlain(out, (Number) value);
                out.append("f32");
                break;
            case DOUBLE:
                TextValues.appendPlain(out, (Number) value);
                out.append("f64");
                break;
            case TIMESTAMP:
                // Line protocol has no timestamp field type: the count in data.precision, as BIGINT.
                out.append(TextValues.timestamp(value, databaseUnit, unit)).append("i64");
                break;
            case DECIMAL:
                // No decimal type either: the exact digits as a VARCHAR rather than a DOUBLE that would round them.
                quoted(out, "", ((BigDecimal) value).toPlainString());
                break;
            case NCHAR:
            case JSON:
                quoted(out, "L", value.toString());
                break;
            case VARBINARY:
                // Written as TDengine documents it, B"\x98f46e": hex digits need no escaping, and an escaped
                // backslash would turn the value into the text "\x98f46e".
                out.append("B\"").append(TextValues.hex((byte[]) value)).append('"');
                break;
            case GEOMETRY:
                quoted(out, "G", WkbText.toText((byte[]) value));
                break;
            default:
                quoted(out, "", value.toString());
        }
    }

    private static void quoted(StringBuilder out, String prefix, String text) {
        out.append(prefix).append('"');
        LineEscaper.appendFieldString(out, text);
        out.append('"');
    }
}
