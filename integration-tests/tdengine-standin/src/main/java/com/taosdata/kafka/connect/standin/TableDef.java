package com.taosdata.kafka.connect.standin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A TDengine table: a super table, one of its subtables, or a normal table.
 *
 * <p>A subtable has no schema of its own: columns and tags are its super table's, which schemaless writes
 * may extend at any time, so they are read through to it. Schema lists are replaced, never mutated, so
 * readers never see a list being changed.
 */
public final class TableDef {
    /** The H2 column holding a subtable's name in its super table's H2 table. */
    public static final String TBNAME = "tbname";

    public enum Kind {
        SUPER,
        CHILD,
        NORMAL
    }

    private final String database;
    private final String name;
    private final Kind kind;
    private final TableDef superTable;
    private final Map<String, Object> tagValues;
    private volatile List<Column> columns;
    private volatile List<Column> tags;

    private TableDef(
            String database,
            String name,
            Kind kind,
            List<Column> columns,
            List<Column> tags,
            TableDef superTable,
            Map<String, Object> tagValues) {
        this.database = database;
        this.name = name;
        this.kind = kind;
        this.columns = columns == null ? null : List.copyOf(columns);
        this.tags = tags == null ? null : List.copyOf(tags);
        this.superTable = superTable;
        this.tagValues = tagValues == null ? null : Collections.unmodifiableMap(tagValues);
    }

    public static TableDef superTable(String db, String name, List<Column> columns, List<Column> tags) {
        return new TableDef(db, name, Kind.SUPER, columns, tags, null, null);
    }

    public static TableDef normal(String db, String name, List<Column> columns) {
        return new TableDef(db, name, Kind.NORMAL, columns, List.of(), null, null);
    }

    public static TableDef child(String db, String name, TableDef superTable, Map<String, Object> tagValues) {
        return new TableDef(db, name, Kind.CHILD, null, null, superTable, tagValues);
    }

    public String database() {
        return database;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public TableDef superTable() {
        return superTable;
    }

    public Map<String, Object> tagValues() {
        return tagValues;
    }

    public List<Column> columns() {
        return kind == Kind.CHILD ? superTable.columns() : columns;
    }

    public List<Column> tags() {
        return kind == Kind.CHILD ? superTable.tags() : tags;
    }

    /** The table whose H2 table stores this table's rows. */
    public TableDef storage() {
        return kind == Kind.CHILD ? superTable : this;
    }

    public Column timestampColumn() {
        return columns().get(0);
    }

    public Optional<Column> find(String columnName) {
        for (Column c : columns()) {
            if (c.name().equals(columnName)) {
                return Optional.of(c);
            }
        }
        for (Column c : tags()) {
            if (c.name().equals(columnName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public boolean isTag(String columnName) {
        return tags().stream().anyMatch(c -> c.name().equals(columnName));
    }

    /** Only the catalog calls this, holding its lock. */
    void replaceSchema(List<Column> newColumns, List<Column> newTags) {
        this.columns = List.copyOf(newColumns);
        this.tags = List.copyOf(newTags);
    }

    /** The columns {@code SELECT *} returns: TDengine gives tags only when selecting from a super table. */
    public List<Column> starColumns() {
        List<Column> result = new ArrayList<>(columns());
        if (kind == Kind.SUPER) {
            result.addAll(tags());
        }
        return result;
    }
}
