package com.taosdata.kafka.connect.source.format;

import com.taosdata.kafka.connect.schemas.source.ConnectSchemaMapping;
import com.taosdata.kafka.connect.source.table.ColumnDef;
import com.taosdata.kafka.connect.source.table.TableSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * A Connect Struct per row: field {@value #TABLE_FIELD} (the subtable or normal table), then the columns and tags
 * in DESCRIBE order, each with the schema {@link ConnectSchemaMapping} gives its TDengine type. The timestamp is
 * required, every other field optional. Rows of one super table share one schema, named
 * {@code tdengine.<database>.<super table>}, so a Schema Registry sees one subject version per table layout.
 */
final class StructFormatter implements RowFormatter {

    /** Name of the field holding the table name; TDengine reserves it, so no column can be called that. */
    static final String TABLE_FIELD = "tbname";

    private static final Pattern NOT_AVRO_NAME = Pattern.compile("[^A-Za-z0-9_]");

    private final Map<TableSchema, Schema> schemas = new HashMap<>();
    /** The last table's schema: rows come in runs of one table, and hashing a TableSchema per row showed up. */
    private TableSchema lastTable;

    private Schema lastSchema;

    @Override
    public FormattedValue format(Row row) {
        if (row.schema() != lastTable) {
            lastTable = row.schema();
            lastSchema = schemas.computeIfAbsent(lastTable, StructFormatter::schemaFor);
        }
        Schema schema = lastSchema;
        // Fields by position: the schema's fields are tbname, then the row's columns in order. Struct.put checks
        // each value against its field's schema, and every field is set, so the struct is valid as built.
        List<Field> fields = schema.fields();
        Struct struct = new Struct(schema).put(fields.get(0), row.table());
        for (int i = 1; i < fields.size(); i++) {
            struct.put(fields.get(i), row.value(i - 1));
        }
        return new FormattedValue(schema, struct);
    }

    static Schema schemaFor(TableSchema table) {
        SchemaBuilder builder = SchemaBuilder.struct()
                .name("tdengine." + avroName(table.database()) + "." + avroName(table.measurement()))
                .field(TABLE_FIELD, Schema.STRING_SCHEMA);
        boolean first = true;
        for (ColumnDef column : table.columns()) {
            builder.field(column.name(), ConnectSchemaMapping.schemaFor(column.type(), table.precision(), !first));
            first = false;
        }
        return builder.build();
    }

    /** Avro names allow letters, digits and underscores; TDengine allows more in backquoted names. */
    private static String avroName(String name) {
        String cleaned = NOT_AVRO_NAME.matcher(name).replaceAll("_");
        return Character.isDigit(cleaned.charAt(0)) ? "_" + cleaned : cleaned;
    }
}
