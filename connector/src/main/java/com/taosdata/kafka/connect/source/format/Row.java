package com.taosdata.kafka.connect.source.format;

import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.schemas.source.ConnectSchemaMapping;
import com.taosdata.kafka.connect.source.table.ColumnDef;
import com.taosdata.kafka.connect.source.table.TableSchema;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.apache.kafka.connect.errors.DataException;

/**
 * One row of a TDengine table, its values already converted to Connect values
 * ({@link ConnectSchemaMapping#toConnect}), in the order of {@link TableSchema#columns()}.
 */
public final class Row {

    private final TableSchema schema;
    private final String table;
    private final List<Object> values;
    private final long timestamp;

    private Row(TableSchema schema, String table, List<Object> values, long timestamp) {
        this.schema = schema;
        this.table = table;
        this.values = values;
        this.timestamp = timestamp;
    }

    /** A row from values as the driver returns them ({@code getObject}), in schema order. */
    public static Row fromDriver(TableSchema schema, String table, Object[] raw) {
        List<ColumnDef> columns = schema.columns();
        if (raw.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " values, got " + raw.length);
        }
        Object[] converted = new Object[raw.length];
        for (int i = 0; i < raw.length; i++) {
            ColumnDef column = columns.get(i);
            try {
                converted[i] = ConnectSchemaMapping.toConnect(column.type(), raw[i], schema.precision());
            } catch (RuntimeException e) {
                throw new DataException(
                        "cannot read column " + column.name() + " (" + column.type() + ") of " + schema.database() + "."
                                + table + ": " + e.getMessage(),
                        e);
            }
        }
        if (converted[0] == null) {
            throw new DataException("row of " + schema.database() + "." + table + " has no timestamp");
        }
        return new Row(schema, table, Arrays.asList(converted), epoch(converted[0]));
    }

    private static long epoch(Object connectTimestamp) {
        return connectTimestamp instanceof Date ? ((Date) connectTimestamp).getTime() : (Long) connectTimestamp;
    }

    public TableSchema schema() {
        return schema;
    }

    /** The subtable or normal table the row belongs to. */
    public String table() {
        return table;
    }

    /** The Connect value of column {@code index}. */
    public Object value(int index) {
        return values.get(index);
    }

    /** The primary timestamp, counted in the database's precision. */
    public long timestamp() {
        return timestamp;
    }

    /** The primary timestamp in milliseconds, for the Kafka record's timestamp. */
    public long timestampMillis() {
        return TimestampUnit.MS.convert(timestamp, schema.precision());
    }
}
