package com.taosdata.kafka.connect.source.format;

import com.taosdata.kafka.connect.schemas.TdengineType;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import com.taosdata.kafka.connect.schemas.text.JsonWriter;
import com.taosdata.kafka.connect.source.table.ColumnDef;
import com.taosdata.kafka.connect.source.table.TableSchema;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;

/**
 * One JSON object per row:
 * {@code {"database":…,"stable":…,"table":…,"ts":…,"precision":"ns","columns":{…},"tags":{…}}}. Timestamps are
 * integers in {@code data.precision}; BIGINT UNSIGNED and DECIMAL are numbers with their exact digits; VARBINARY and
 * GEOMETRY (WKB) are base64 strings; JSON tags are strings holding their JSON text; nulls are JSON nulls.
 * {@code stable} is null for normal tables, and {@code tags} is left out for them.
 */
final class JsonFormatter implements RowFormatter {

    private final TimestampUnit unit;

    JsonFormatter(TimestampUnit unit) {
        this.unit = unit;
    }

    @Override
    public FormattedValue format(Row row) {
        TableSchema schema = row.schema();
        List<ColumnDef> columns = schema.columns();
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> tags = new LinkedHashMap<>();
        for (int i = 1; i < columns.size(); i++) {
            ColumnDef column = columns.get(i);
            Object value = row.value(i);
            if (value != null && column.type().type() == TdengineType.TIMESTAMP) {
                value = TextValues.timestamp(value, schema.precision(), unit);
            } else if (value instanceof Float && Float.isFinite((Float) value)) {
                // Widened to double, 0.31f would print as 0.3100000023841858; its own shortest form reads back the
                // same.
                value = new BigDecimal(value.toString());
            }
            (column.isTag() ? tags : values).put(column.name(), value);
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("database", schema.database());
        object.put("stable", schema.measurement().equals(row.table()) ? null : schema.measurement());
        object.put("table", row.table());
        object.put("ts", unit.convert(row.timestamp(), schema.precision()));
        object.put("precision", unit.configValue());
        object.put("columns", values);
        if (schema.hasTags()) {
            object.put("tags", tags);
        }
        StringBuilder out = new StringBuilder(256);
        try {
            JsonWriter.appendValue(out, object);
        } catch (UnsupportedValueException e) {
            throw new DataException(
                    "row of " + schema.database() + "." + row.table() + " at " + row.timestamp()
                            + " cannot be written as JSON: " + e.getMessage(),
                    e);
        }
        return new FormattedValue(Schema.STRING_SCHEMA, out.toString());
    }
}
