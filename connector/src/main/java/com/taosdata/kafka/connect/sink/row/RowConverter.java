package com.taosdata.kafka.connect.sink.row;

import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

import com.taosdata.kafka.connect.schemas.mapping.ColumnMapping;
import com.taosdata.kafka.connect.sink.table.StableColumn;
import com.taosdata.kafka.connect.sink.table.StableSchema;
import com.taosdata.kafka.connect.transforms.point.Point;

/**
 * Turns a record taken apart (a {@link Point}) into a row of its super table. Each value goes to the tag or column of
 * its name, whichever the table has (so an existing table's tags are found by name too), converted to its declared
 * type. A value without a tag or column, or one that does not fit, is a data error naming the field, the value and
 * the column.
 */
public final class RowConverter {

    private static final int LONGEST_VALUE_SHOWN = 100;

    private final ValueConverter values;
    private final TableNames names;

    public RowConverter(ValueConverter values, TableNames names) {
        this.values = values;
        this.names = names;
    }

    /** @throws DataException when a value has no place in {@code schema} or does not fit it */
    public TypedRow convert(SinkRecord record, Point point, StableSchema schema) {
        Object[] tags = new Object[schema.tags().size()];
        Object[] columns = new Object[schema.columns().size()];
        place(point.tags(), schema, tags, columns);
        place(point.fields(), schema, tags, columns);
        String child = names.childTable(schema.name(), record.topic(), point, schema.tags(), tags);
        return new TypedRow(record, schema, child, point.timestamp(), tags, columns);
    }

    private void place(Point.Entries entries, StableSchema schema, Object[] tags, Object[] columns) {
        for (int i = 0; i < entries.size(); i++) {
            String name = entries.key(i);
            int column = schema.columnIndex(name);
            if (column >= 0) {
                columns[column] = convert(entries, i, schema.columns().get(column), schema);
                continue;
            }
            int tag = schema.tagIndex(name);
            if (tag >= 0) {
                tags[tag] = convert(entries, i, schema.tags().get(tag), schema);
                continue;
            }
            if (schema.isTimestamp(name)) {
                throw new DataException("field " + name + " would be written into the timestamp column "
                        + schema.timestamp().name() + " of super table " + qualified(schema) + "; name it in"
                        + " timestamp.field, or leave it out");
            }
            throw new DataException("field " + name + " is no column or tag of super table " + qualified(schema)
                    + "; set auto.evolve=true to add it, or leave the field out");
        }
    }

    private Object convert(Point.Entries entries, int i, StableColumn column, StableSchema schema) {
        Object value = entries.value(i);
        ColumnMapping mapping = entries.mapping(i);
        try {
            return values.convert(value, mapping, column.type());
        } catch (ValueConverter.ValueMismatch e) {
            throw new DataException("field " + entries.key(i) + " value " + shown(value) + " " + e.getMessage()
                    + ": " + column + " of super table " + qualified(schema));
        }
    }

    private static String qualified(StableSchema schema) {
        return schema.database() + "." + schema.name();
    }

    static String shown(Object value) {
        String text = value instanceof String ? "'" + value + "'" : value instanceof byte[] bytes
                ? bytes.length + " bytes" : String.valueOf(value);
        return text.length() <= LONGEST_VALUE_SHOWN ? text : text.substring(0, LONGEST_VALUE_SHOWN) + "…";
    }
}
