package com.taosdata.kafka.connect.sink.row;

import com.taosdata.kafka.connect.schemas.StringType;
import com.taosdata.kafka.connect.schemas.TdengineType;
import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import com.taosdata.kafka.connect.schemas.mapping.ColumnMapping;
import com.taosdata.kafka.connect.sink.table.ColumnType;
import com.taosdata.kafka.connect.sink.table.StableColumn;
import com.taosdata.kafka.connect.sink.table.StableSchema;
import com.taosdata.kafka.connect.transforms.point.Point;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.connect.errors.DataException;

/**
 * What a super table needs to take a record: a new one's columns and tags ({@code auto.create}), an existing one's
 * missing columns and tags and too narrow strings ({@code auto.evolve}). New columns take the record's exact types
 * (see {@link ColumnMapping#exactColumnType()}) and lower-case names, as an unquoted DDL would make them; strings and
 * bytes get {@code string.length}, or the value's length when longer, and widen by doubling.
 */
public final class SchemaEvolution {

    /** The name of the timestamp column of super tables the sink creates. */
    public static final String TIMESTAMP_COLUMN = "ts";
    /** TDengine's longest VARCHAR and VARBINARY, in bytes. */
    static final int MAX_BYTES = 65_517;
    /** TDengine's longest NCHAR, in characters. */
    static final int MAX_CHARACTERS = 16_382;
    /** Connect's Decimal carries its scale but not its precision: new DECIMAL columns take TDengine's largest. */
    static final int DECIMAL_PRECISION = 38;

    private final StringType stringType;
    private final int stringLength;

    public SchemaEvolution(StringType stringType, int stringLength) {
        this.stringType = stringType;
        this.stringLength = stringLength;
    }

    /**
     * The definition of a new super table for {@code point}: the timestamp column, a column per field, a tag per tag.
     *
     * @throws DataException when the record has no tag value (a super table needs a tag) or a value has no column type
     */
    public List<StableColumn> initial(Point point, String stable) {
        if (point.tags().size() == 0) {
            throw new DataException("super table " + stable + " does not exist and cannot be created from this record:"
                    + " it has no value for any field in tags, and a super table needs at least one tag");
        }
        Map<String, StableColumn> columns = new LinkedHashMap<>();
        columns.put(TIMESTAMP_COLUMN, new StableColumn(TIMESTAMP_COLUMN, ColumnType.of(TdengineType.TIMESTAMP), false));
        add(point.fields(), false, columns);
        add(point.tags(), true, columns);
        return new ArrayList<>(columns.values());
    }

    /** The columns and tags to add to {@code schema}, and the ones to widen (with their new type), for {@code point}. */
    public List<StableColumn> changes(StableSchema schema, Point point) {
        Map<String, StableColumn> changes = new LinkedHashMap<>();
        changes(schema, point.fields(), false, changes);
        changes(schema, point.tags(), true, changes);
        return new ArrayList<>(changes.values());
    }

    private void changes(StableSchema schema, Point.Entries entries, boolean tags, Map<String, StableColumn> out) {
        for (int i = 0; i < entries.size(); i++) {
            String name = entries.key(i);
            int column = schema.columnIndex(name);
            int tag = schema.tagIndex(name);
            StableColumn existing = column >= 0
                    ? schema.columns().get(column)
                    : tag >= 0 ? schema.tags().get(tag) : null;
            if (existing == null) {
                if (!schema.isTimestamp(name)) {
                    StableColumn added = newColumn(entries, i, tags);
                    out.merge(added.name(), added, SchemaEvolution::wider);
                }
                continue;
            }
            if (existing.type().isSized()) {
                int needed = ValueConverter.neededLength(entries.value(i), existing.type());
                // A value longer than TDengine's longest column is not widened for: the ALTER would fail for this and
                // every later such record; the value is refused as too long instead.
                if (needed > existing.type().length()
                        && needed <= max(existing.type().type())) {
                    StableColumn widened = new StableColumn(
                            existing.name(),
                            ColumnType.sized(existing.type().type(), widerLength(existing.type(), needed)),
                            existing.tag());
                    out.merge(widened.name(), widened, SchemaEvolution::wider);
                }
            }
        }
    }

    private void add(Point.Entries entries, boolean tags, Map<String, StableColumn> out) {
        for (int i = 0; i < entries.size(); i++) {
            StableColumn column = newColumn(entries, i, tags);
            if (out.containsKey(column.name())) {
                throw new DataException("field " + entries.key(i) + " names "
                        + (column.name().equals(TIMESTAMP_COLUMN)
                                ? "the timestamp column"
                                : "the same column as another field")
                        + " (names are not case-sensitive); rename it or leave it out");
            }
            out.put(column.name(), column);
        }
    }

    private StableColumn newColumn(Point.Entries entries, int i, boolean tag) {
        String name = entries.key(i).toLowerCase(Locale.ROOT);
        Object value = entries.value(i);
        ColumnMapping mapping = entries.mapping(i);
        TdengineType type;
        try {
            type = mapping.exactColumnType();
        } catch (UnsupportedValueException e) {
            throw new DataException("field " + entries.key(i) + ": " + e.getMessage(), e);
        }
        if (type == null || (tag && type == TdengineType.DECIMAL)) {
            // A DECIMAL tag is refused by CREATE STABLE (0x2602 on 3.3.6.13): the decimal's exact text goes instead.
            type = stringType.columnType();
        }
        if (type == TdengineType.DECIMAL) {
            int scale = value instanceof java.math.BigDecimal decimal ? Math.max(decimal.scale(), 0) : 0;
            return new StableColumn(
                    name, ColumnType.decimal(DECIMAL_PRECISION, Math.min(scale, DECIMAL_PRECISION)), tag);
        }
        ColumnType columnType = ColumnType.of(type);
        if (columnType.isSized()) {
            int needed = Math.max(ValueConverter.neededLength(value, ColumnType.sized(type, 0)), 0);
            columnType = ColumnType.sized(type, Math.min(Math.max(stringLength, needed), max(type)));
        }
        return new StableColumn(name, columnType, tag);
    }

    private static int widerLength(ColumnType type, int needed) {
        return (int) Math.min(Math.max(2L * type.length(), needed), max(type.type()));
    }

    private static int max(TdengineType type) {
        return type == TdengineType.NCHAR ? MAX_CHARACTERS : MAX_BYTES;
    }

    private static StableColumn wider(StableColumn a, StableColumn b) {
        return a.type().length() >= b.type().length() ? a : b;
    }
}
