package com.taosdata.kafka.connect.source.query;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The source offset of a {@link TablePosition}, {@code {"ts", "rows", "precision"}}, as an immutable map of its own:
 * every record carries one, and a JFR profile of query mode found {@code Map.of}'s table, its probing and the boxed
 * timestamp at 5% of the reading thread. The values are boxed only when read, which Connect does for the last offset
 * of a partition it commits.
 */
final class PositionOffset extends AbstractMap<String, Object> {

    private final long timestamp;
    private final long rows;
    private final String precision;

    PositionOffset(long timestamp, long rows, String precision) {
        this.timestamp = timestamp;
        this.rows = rows;
        this.precision = precision;
    }

    @Override
    public Object get(Object key) {
        if (TablePosition.TS_KEY.equals(key)) {
            return timestamp;
        }
        if (TablePosition.ROWS_KEY.equals(key)) {
            return rows;
        }
        return TablePosition.PRECISION_KEY.equals(key) ? precision : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return TablePosition.TS_KEY.equals(key)
                || TablePosition.ROWS_KEY.equals(key)
                || TablePosition.PRECISION_KEY.equals(key);
    }

    @Override
    public int size() {
        return 3;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        List<Entry<String, Object>> entries = List.of(
                new SimpleImmutableEntry<>(TablePosition.TS_KEY, timestamp),
                new SimpleImmutableEntry<>(TablePosition.ROWS_KEY, rows),
                new SimpleImmutableEntry<>(TablePosition.PRECISION_KEY, precision));
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return entries.iterator();
            }

            @Override
            public int size() {
                return entries.size();
            }
        };
    }
}
