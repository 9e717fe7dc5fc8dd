package com.taosdata.kafka.connect.standin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code INSERT INTO tb [USING stb [(tags)] TAGS (…)] [(cols)] VALUES (…)(…) [tb2 …]} and the super table form
 * {@code INSERT INTO stb (tbname, …) VALUES (…)} ({@code docs/en/14-reference/03-taos-sql/05-insert.md}).
 *
 * <p>The whole statement is parsed before anything is written ("The INSERT statement is completely parsed
 * before execution"); the rows then go to H2 in one transaction. Subtables a {@code USING} clause creates are
 * created only once the whole statement has been read, so a statement with a bad value creates none, as a real
 * client sends the table creations with the rows (in the submit request) only after parsing everything.
 */
public final class InsertStatement {
    private final Catalog catalog;
    private final RowWriter writer;

    public InsertStatement(Catalog catalog, RowWriter writer) {
        this.catalog = catalog;
        this.writer = writer;
    }

    /** The cursor stands after {@code INSERT}. */
    public QueryResult execute(TokenCursor c, String defaultDb) {
        c.expectWord("INTO");
        List<RowWriter.Row> rows = new ArrayList<>();
        Map<String, TableDef> pending = new LinkedHashMap<>();
        Database db = null;
        do {
            TokenCursor.QualifiedName name = c.qualifiedName(defaultDb);
            Database target = catalog.database(name.db());
            if (db != null && db != target) {
                throw ServerError.OPS_NOT_SUPPORT.error("the stand-in inserts into one database per statement");
            }
            db = target;
            TableDef table;
            if (c.acceptWord("USING")) {
                TokenCursor.QualifiedName stableName = c.qualifiedName(defaultDb);
                TableDef stable = catalog.table(stableName.db(), stableName.table());
                if (stable.kind() != TableDef.Kind.SUPER) {
                    // a real 3.3.6.13 reads a table without tags here and expects the tag list to end
                    String near = c.atEnd() ? "" : c.sqlFrom(c.peek()).toLowerCase(Locale.ROOT);
                    throw SqlValues.invalid(near, ") is expected");
                }
                Map<String, Object> tags = DdlStatements.tagValues(c, stable, target.precision());
                table = childTable(name.db(), name.table(), stable, tags, pending);
            } else {
                table = catalog.table(name.db(), name.table());
            }
            if (table.kind() == TableDef.Kind.SUPER) {
                readSuperTableRows(c, table, target, rows, pending);
            } else {
                readRows(c, table, target.precision(), rows);
            }
        } while (!c.atEnd());
        createPending(pending, rows);
        return QueryResult.affected(writer.write(db, rows));
    }

    /**
     * The existing table of that name, or a new subtable to create when the statement has been read. A subtable of
     * another super table is refused, as a real 3.3.6.13 answers both forms on every transport.
     */
    private TableDef childTable(
            String db, String name, TableDef stable, Map<String, Object> tags, Map<String, TableDef> pending) {
        TableDef existing = catalog.database(db).tables().get(name);
        if (existing != null) {
            if (existing.kind() != TableDef.Kind.CHILD) {
                throw ServerError.TDB_TABLE_ALREADY_EXIST.error();
            }
            if (existing.superTable() != stable) {
                throw ServerError.TDB_TABLE_IN_OTHER_STABLE.error();
            }
            return existing;
        }
        return pending.computeIfAbsent(name, n -> TableDef.child(db, n, stable, tags));
    }

    /**
     * Registers the new subtables; one another request created meanwhile is used as it is, with its own tags, as
     * an existing subtable keeps its tags.
     */
    private void createPending(Map<String, TableDef> pending, List<RowWriter.Row> rows) {
        Map<TableDef, TableDef> created = new HashMap<>();
        for (TableDef child : pending.values()) {
            created.put(
                    child,
                    catalog.createChildTable(
                            child.database(), child.name(), child.superTable(), child.tagValues(), true));
        }
        rows.replaceAll(row ->
                created.containsKey(row.table()) ? new RowWriter.Row(created.get(row.table()), row.values()) : row);
    }

    private static List<Column> columnList(TokenCursor c, TableDef table, boolean allowTbname) {
        if (!c.acceptSymbol("(")) {
            return table.columns();
        }
        List<Column> columns = new ArrayList<>();
        do {
            String name = c.name();
            if (allowTbname && name.equals(TableDef.TBNAME)) {
                columns.add(new Column(TableDef.TBNAME, ColumnType.VARCHAR, 192));
                continue;
            }
            Column column = table.find(name)
                    .filter(col -> allowTbname || !table.isTag(col.name()))
                    .orElseThrow(() -> ServerError.PAR_INVALID_COLUMN.error("Invalid column name: " + name));
            columns.add(column);
        } while (c.acceptSymbol(","));
        c.expectSymbol(")");
        return columns;
    }

    private static void readRows(TokenCursor c, TableDef table, DatabasePrecision precision, List<RowWriter.Row> rows) {
        List<Column> columns = columnList(c, table, false);
        c.expectWord("VALUES");
        do {
            rows.add(new RowWriter.Row(table, readValues(c, columns, precision, table.timestampColumn())));
        } while (!c.atEnd() && c.peek().isSymbol("("));
    }

    private void readSuperTableRows(
            TokenCursor c, TableDef stable, Database db, List<RowWriter.Row> rows, Map<String, TableDef> pending) {
        List<Column> columns = columnList(c, stable, true);
        if (columns.stream().noneMatch(col -> col.name().equals(TableDef.TBNAME))) {
            throw ServerError.PAR_SYNTAX_ERROR.error("tbname must be specified when inserting into a super table");
        }
        c.expectWord("VALUES");
        do {
            Map<String, Object> values = readValues(c, columns, db.precision(), stable.timestampColumn());
            String child = (String) values.remove(TableDef.TBNAME);
            Map<String, Object> tags = new LinkedHashMap<>();
            for (Column tag : stable.tags()) {
                tags.put(tag.name(), values.remove(tag.name()));
            }
            TableDef table = childTable(db.name(), child, stable, tags, pending);
            rows.add(new RowWriter.Row(table, values));
        } while (!c.atEnd() && c.peek().isSymbol("("));
    }

    private static Map<String, Object> readValues(
            TokenCursor c, List<Column> columns, DatabasePrecision precision, Column timestamp) {
        c.expectSymbol("(");
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0 && !c.acceptSymbol(",")) {
                throw ServerError.PAR_INVALID_COLUMNS_NUM.error();
            }
            Column column = columns.get(i);
            values.put(column.name(), SqlValues.convert(SqlValues.read(c), column, precision));
        }
        if (!c.acceptSymbol(")")) {
            throw ServerError.PAR_INVALID_COLUMNS_NUM.error();
        }
        if (values.get(timestamp.name()) == null) {
            throw SqlValues.invalid("NULL", "Primary timestamp column should not be null");
        }
        return values;
    }
}
