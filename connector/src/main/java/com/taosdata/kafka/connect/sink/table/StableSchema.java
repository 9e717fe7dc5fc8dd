package com.taosdata.kafka.connect.sink.table;

import com.taosdata.kafka.connect.schemas.TdengineType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A super table as TDengine describes it: its timestamp column, then its other columns and its tags, each in
 * declaration order. Names are matched ignoring case, as TDengine matches unquoted names. Immutable: a schema change
 * makes a new instance.
 */
public final class StableSchema {

    private static final int MAX_REMEMBERED_NAMES = 4096;

    private final String database;
    private final String name;
    private final StableColumn timestamp;
    private final List<StableColumn> columns;
    private final List<StableColumn> tags;
    private final Map<String, Integer> columnIndex = new HashMap<>();
    private final Map<String, Integer> tagIndex = new HashMap<>();
    /**
     * Positions by the exact names asked for, so a record's field names (the same strings for every record of a
     * schema) are lower-cased once, not per row; a negative position for a name that is no column or tag.
     * Filled by the task thread and the writer thread, which both convert rows, up to
     * {@link #MAX_REMEMBERED_NAMES} (Maps can carry ever new keys).
     */
    private final Map<String, Integer> columnByName = new ConcurrentHashMap<>();

    private final Map<String, Integer> tagByName = new ConcurrentHashMap<>();

    /**
     * @param described every column and tag in {@code DESCRIBE} order: the timestamp column first
     * @throws IllegalArgumentException when the first column is no timestamp or the table has no tag
     */
    public StableSchema(String database, String name, List<StableColumn> described) {
        this.database = database;
        this.name = name;
        if (described.isEmpty()
                || described.get(0).tag()
                || described.get(0).type().type() != TdengineType.TIMESTAMP) {
            throw new IllegalArgumentException(
                    database + "." + name + " does not start with a timestamp column: " + described);
        }
        this.timestamp = described.get(0);
        List<StableColumn> cols = new ArrayList<>();
        List<StableColumn> tagList = new ArrayList<>();
        for (StableColumn column : described.subList(1, described.size())) {
            if (column.tag()) {
                tagIndex.put(key(column.name()), tagList.size());
                tagList.add(column);
            } else {
                columnIndex.put(key(column.name()), cols.size());
                cols.add(column);
            }
        }
        this.columns = List.copyOf(cols);
        this.tags = List.copyOf(tagList);
    }

    public String database() {
        return database;
    }

    public String name() {
        return name;
    }

    /** The primary timestamp column. */
    public StableColumn timestamp() {
        return timestamp;
    }

    /** The columns after the timestamp. */
    public List<StableColumn> columns() {
        return columns;
    }

    public List<StableColumn> tags() {
        return tags;
    }

    /** The position of column {@code name} in {@link #columns()}, ignoring case; -1 when there is none. */
    public int columnIndex(String name) {
        Integer index = columnByName.get(name);
        if (index == null) {
            index = columnIndex.getOrDefault(key(name), -1);
            remember(columnByName, name, index);
        }
        return index;
    }

    /** The position of tag {@code name} in {@link #tags()}, ignoring case; -1 when there is none. */
    public int tagIndex(String name) {
        Integer index = tagByName.get(name);
        if (index == null) {
            index = tagIndex.getOrDefault(key(name), -1);
            remember(tagByName, name, index);
        }
        return index;
    }

    /** Whether {@code name} is the timestamp column, ignoring case. */
    public boolean isTimestamp(String name) {
        return timestamp.name().equalsIgnoreCase(name);
    }

    /** This schema with {@code column} replaced (same name) or added. */
    public StableSchema with(StableColumn column) {
        List<StableColumn> all = new ArrayList<>();
        all.add(timestamp);
        boolean replaced = false;
        for (StableColumn existing : columns) {
            boolean same = !column.tag() && existing.name().equalsIgnoreCase(column.name());
            all.add(same ? column : existing);
            replaced |= same;
        }
        if (!column.tag() && !replaced) {
            all.add(column);
        }
        for (StableColumn existing : tags) {
            boolean same = column.tag() && existing.name().equalsIgnoreCase(column.name());
            all.add(same ? column : existing);
            replaced |= same;
        }
        if (column.tag() && !replaced) {
            all.add(column);
        }
        return new StableSchema(database, name, all);
    }

    private static void remember(Map<String, Integer> byName, String name, int index) {
        if (byName.size() < MAX_REMEMBERED_NAMES) {
            byName.put(name, index);
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return database + "." + name + " (" + timestamp + ", " + columns + ", tags " + tags + ")";
    }
}
