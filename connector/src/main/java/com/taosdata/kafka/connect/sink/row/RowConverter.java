package com.taosdata.kafka.connect.sink.row;

import com.taosdata.kafka.connect.schemas.mapping.ColumnMapping;
import com.taosdata.kafka.connect.sink.table.StableColumn;
import com.taosdata.kafka.connect.sink.table.StableSchema;
import com.taosdata.kafka.connect.transforms.point.Point;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Turns a record taken apart (a {@link Point}) into a row of its super table. Each value goes to the tag or column of
 * its name, whichever the table has (so an existing table's tags are found by name too), converted to its declared
 * type. A value without a tag or column, or one that does not fit, is a data error naming the field, the value and
 * the column. Not thread-safe (it keeps the tag sets it converted): one instance per thread.
 */
public final class RowConverter {

    private static final int LONGEST_VALUE_SHOWN = 100;
    /** More distinct tag sets than devices a task usually sees; past it the cache starts again. */
    static final int MAX_TAG_SETS = 100_000;

    private final ValueConverter values;
    private final TableNames names;
    private final Map<TagKey, TagSet> tagSets = new HashMap<>();
    private final Places tagPlaces = new Places();
    private final Places fieldPlaces = new Places();

    public RowConverter(ValueConverter values, TableNames names) {
        this.values = values;
        this.names = names;
    }

    /** @throws DataException when a value has no place in {@code schema} or does not fit it */
    public TypedRow convert(SinkRecord record, Point point, StableSchema schema) {
        RawTags raw = new RawTags(schema.tags().size());
        Object[] columns = new Object[schema.columns().size()];
        place(point.tags(), tagPlaces, schema, raw, columns);
        place(point.fields(), fieldPlaces, schema, raw, columns);
        TagSet tags = tagSet(schema, raw);
        String child = names.hashesTags()
                ? tags.hashedName()
                : names.childTable(schema.name(), record.topic(), point, schema.tags(), tags.values());
        return new TypedRow(schema, child, point.timestamp(), tags.values(), columns);
    }

    /**
     * The converted tags (and the hashed child table name) of a set of tag values: converted and hashed once per
     * child table, as every row of a device carries the same tags (a JFR profile of the writer thread found most
     * of its time hashing names and measuring tag strings, per row; docs/benchmarks.md). Bounded: cleared when full.
     */
    private TagSet tagSet(StableSchema schema, RawTags raw) {
        TagKey key = new TagKey(schema, raw.values);
        TagSet known = tagSets.get(key);
        if (known != null) {
            return known;
        }
        Object[] converted = new Object[raw.values.length];
        for (int i = 0; i < converted.length; i++) {
            if (raw.values[i] != null) {
                converted[i] = convert(
                        raw.fields[i],
                        raw.values[i],
                        raw.mappings[i],
                        schema.tags().get(i),
                        schema);
            }
        }
        TagSet tags = new TagSet(
                converted, names.hashesTags() ? names.hashed(schema.name(), schema.tags(), converted) : null);
        if (tagSets.size() >= MAX_TAG_SETS) {
            tagSets.clear();
        }
        tagSets.put(key, tags);
        return tags;
    }

    private void place(Point.Entries entries, Places places, StableSchema schema, RawTags tags, Object[] columns) {
        places.of(entries, schema);
        for (int i = 0; i < entries.size(); i++) {
            String name = entries.key(i);
            int column = places.columns[i];
            if (column >= 0) {
                columns[column] = convert(
                        name,
                        entries.value(i),
                        entries.mapping(i),
                        schema.columns().get(column),
                        schema);
                continue;
            }
            int tag = places.tags[i];
            if (tag >= 0) {
                tags.values[tag] = entries.value(i);
                tags.mappings[tag] = entries.mapping(i);
                tags.fields[tag] = name;
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

    private Object convert(
            String field, Object value, ColumnMapping mapping, StableColumn column, StableSchema schema) {
        try {
            return values.convert(value, mapping, column.type());
        } catch (ValueConverter.ValueMismatch e) {
            throw new DataException("field " + field + " value " + shown(value) + " " + e.getMessage() + ": " + column
                    + " of super table " + qualified(schema));
        }
    }

    private static String qualified(StableSchema schema) {
        return schema.database() + "." + schema.name();
    }

    /**
     * Where the entries of a record go in a schema: the column or tag position of each, found by name once per run of
     * records that bring the same names (the same strings, as a record schema's field names are) into the same
     * schema, not per row (JFR of the task thread: the lookups by name were an eighth of the conversion).
     */
    private static final class Places {
        private StableSchema schema;
        private String[] names = new String[0];
        int[] columns = new int[0];
        int[] tags = new int[0];

        void of(Point.Entries entries, StableSchema target) {
            if (target == schema && same(entries)) {
                return;
            }
            int size = entries.size();
            schema = target;
            if (names.length != size) {
                names = new String[size];
                columns = new int[size];
                tags = new int[size];
            }
            for (int i = 0; i < size; i++) {
                names[i] = entries.key(i);
                columns[i] = target.columnIndex(names[i]);
                tags[i] = target.tagIndex(names[i]);
            }
        }

        private boolean same(Point.Entries entries) {
            if (entries.size() != names.length) {
                return false;
            }
            for (int i = 0; i < names.length; i++) {
                if (entries.key(i) != names[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A row's tag values as the record has them, with the field and mapping each came from. */
    private static final class RawTags {
        final Object[] values;
        final ColumnMapping[] mappings;
        final String[] fields;

        RawTags(int size) {
            values = new Object[size];
            mappings = new ColumnMapping[size];
            fields = new String[size];
        }
    }

    /** Raw tag values of one schema version; equal values of another version are another key. */
    private record TagKey(StableSchema schema, Object[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof TagKey other && other.schema == schema && Arrays.equals(other.values, values);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(schema) + Arrays.hashCode(values);
        }
    }

    /** Tag values converted to their declared types, and the hashed child table name they make (or null). */
    private record TagSet(Object[] values, String hashedName) {}

    static String shown(Object value) {
        String text = value instanceof String
                ? "'" + value + "'"
                : value instanceof byte[] bytes ? bytes.length + " bytes" : String.valueOf(value);
        return text.length() <= LONGEST_VALUE_SHOWN ? text : text.substring(0, LONGEST_VALUE_SHOWN) + "…";
    }
}
