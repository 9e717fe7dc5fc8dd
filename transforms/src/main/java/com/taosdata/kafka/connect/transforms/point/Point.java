package com.taosdata.kafka.connect.transforms.point;

import com.taosdata.kafka.connect.schemas.mapping.ColumnMapping;
import java.util.Arrays;

/**
 * One record taken apart: measurement, tags, fields (each with its column name, mapping and value) and the
 * timestamp in the output precision. A transformation reuses one instance for every record, so extracting a
 * record allocates nothing once the arrays have grown to the widest record.
 */
public final class Point {

    private String measurement;
    private long timestamp;
    private final Entries tags = new Entries();
    private final Entries fields = new Entries();

    /** Forgets the previous record. */
    public void reset() {
        measurement = null;
        timestamp = 0L;
        tags.clear();
        fields.clear();
    }

    public String measurement() {
        return measurement;
    }

    public void measurement(String name) {
        this.measurement = name;
    }

    public long timestamp() {
        return timestamp;
    }

    public void timestamp(long value) {
        this.timestamp = value;
    }

    public void addTag(String key, ColumnMapping mapping, Object value) {
        tags.add(key, mapping, value);
    }

    public void addField(String key, ColumnMapping mapping, Object value) {
        fields.add(key, mapping, value);
    }

    public Entries tags() {
        return tags;
    }

    public Entries fields() {
        return fields;
    }

    /** Parallel arrays of column name, mapping and non-null value. */
    public static final class Entries {
        private String[] keys = new String[8];
        private ColumnMapping[] mappings = new ColumnMapping[8];
        private Object[] values = new Object[8];
        private int size;

        void add(String key, ColumnMapping mapping, Object value) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                mappings = Arrays.copyOf(mappings, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            // records of one plan bring the same keys and mappings every time: comparing first spares the
            // garbage collector's write barrier on this long-lived array when nothing changes
            if (keys[size] != key) {
                keys[size] = key;
            }
            if (mappings[size] != mapping) {
                mappings[size] = mapping;
            }
            values[size] = value;
            size++;
        }

        void clear() {
            Arrays.fill(values, 0, size, null);
            size = 0;
        }

        public int size() {
            return size;
        }

        public String key(int index) {
            return keys[index];
        }

        public ColumnMapping mapping(int index) {
            return mappings[index];
        }

        public Object value(int index) {
            return values[index];
        }
    }
}
