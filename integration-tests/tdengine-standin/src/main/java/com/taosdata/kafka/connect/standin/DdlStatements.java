package com.taosdata.kafka.connect.standin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code CREATE}/{@code DROP} of databases, super tables and tables in the forms of
 * {@code docs/en/14-reference/03-taos-sql/02-database.md}, {@code 03-table.md} and {@code 04-stable.md}. Database
 * options are read by {@link DatabaseOptions}; table options are accepted and ignored: they tune storage, not
 * results.
 */
public final class DdlStatements {
    private final Catalog catalog;

    public DdlStatements(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The cursor stands after {@code CREATE}. */
    public QueryResult create(TokenCursor c, String defaultDb) {
        if (c.acceptWord("DATABASE")) {
            return createDatabase(c);
        }
        if (c.acceptWord("STABLE")) {
            boolean ifNotExists = c.acceptIfNotExists();
            TokenCursor.QualifiedName name = c.qualifiedName(defaultDb);
            List<Column> columns = columnDefs(c);
            c.expectWord("TAGS");
            catalog.createSuperTable(name.db(), name.table(), columns, columnDefs(c), ifNotExists);
            return QueryResult.affected(0);
        }
        if (c.acceptWord("TABLE")) {
            return createTables(c, defaultDb);
        }
        throw c.error();
    }

    /**
     * The cursor stands after {@code ALTER}. The four forms of {@code 04-stable.md} "Modify Supertable" that add or
     * widen: {@code ALTER STABLE stb ADD COLUMN c type}, {@code ADD TAG t type}, {@code MODIFY COLUMN c type(n)},
     * {@code MODIFY TAG t type(n)}; {@code ALTER TABLE} of a super table takes them too, as a real 3.3.6.13 did.
     * Other ALTER statements answer {@code 0x80000100}.
     */
    public QueryResult alter(TokenCursor c, String defaultDb) {
        boolean stableKeyword = c.acceptWord("STABLE");
        if (!stableKeyword) {
            c.expectWord("TABLE");
        }
        TokenCursor.QualifiedName name = c.qualifiedName(defaultDb);
        if (!stableKeyword && catalog.table(name.db(), name.table()).kind() != TableDef.Kind.SUPER) {
            throw ServerError.OPS_NOT_SUPPORT.error("the stand-in alters super tables only");
        }
        boolean add = c.acceptWord("ADD");
        if (!add && !c.acceptWord("MODIFY")) {
            throw ServerError.OPS_NOT_SUPPORT.error("the stand-in supports ALTER STABLE ADD and MODIFY only");
        }
        boolean tag = c.acceptWord("TAG");
        if (!tag) {
            c.expectWord("COLUMN");
        }
        Column column = columnDef(c, c.name());
        c.expectEnd();
        TableDef table = catalog.table(name.db(), name.table());
        if (table.kind() != TableDef.Kind.SUPER) {
            throw ServerError.MND_STB_NOT_EXIST.error();
        }
        if (add) {
            catalog.addToSuperTable(table, column, tag);
        } else {
            catalog.widenInSuperTable(table, column, tag);
        }
        return QueryResult.affected(0);
    }

    private QueryResult createDatabase(TokenCursor c) {
        boolean ifNotExists = c.acceptIfNotExists();
        String name = c.name();
        catalog.createDatabase(name, DatabaseOptions.read(c), ifNotExists);
        return QueryResult.affected(0);
    }

    /** The cursor stands after {@code DROP}. */
    public QueryResult drop(TokenCursor c, String defaultDb) {
        if (c.acceptWord("DATABASE")) {
            boolean ifExists = c.acceptIfExists();
            String name = c.name();
            c.expectEnd();
            catalog.dropDatabase(name, ifExists);
            return QueryResult.affected(0);
        }
        boolean superOnly = c.acceptWord("STABLE");
        if (!superOnly) {
            c.expectWord("TABLE");
        }
        boolean ifExists = c.acceptIfExists();
        TokenCursor.QualifiedName name = c.qualifiedName(defaultDb);
        c.expectEnd();
        catalog.dropTable(name.db(), name.table(), ifExists, superOnly);
        return QueryResult.affected(0);
    }

    private QueryResult createTables(TokenCursor c, String defaultDb) {
        do {
            boolean ifNotExists = c.acceptIfNotExists();
            TokenCursor.QualifiedName name = c.qualifiedName(defaultDb);
            if (c.acceptWord("USING")) {
                createChild(c, name, ifNotExists, defaultDb);
                continue;
            }
            List<Column> columns = columnDefs(c);
            if (c.acceptWord("TAGS")) {
                catalog.createSuperTable(name.db(), name.table(), columns, columnDefs(c), ifNotExists);
            } else {
                catalog.createNormalTable(name.db(), name.table(), columns, ifNotExists);
            }
            skipOptions(c);
        } while (!c.atEnd());
        return QueryResult.affected(0);
    }

    private void createChild(TokenCursor c, TokenCursor.QualifiedName name, boolean ifNotExists, String defaultDb) {
        TokenCursor.QualifiedName stableName = c.qualifiedName(defaultDb);
        TableDef stable = catalog.table(stableName.db(), stableName.table());
        if (stable.kind() != TableDef.Kind.SUPER) {
            // a real 3.3.6.13 reads a table without tags here, so no tag value matches
            throw ServerError.PAR_TAGS_NOT_MATCHED.error();
        }
        DatabasePrecision precision = catalog.database(name.db()).precision();
        catalog.createChildTable(name.db(), name.table(), stable, tagValues(c, stable, precision), ifNotExists);
        skipOptions(c);
    }

    /** {@code [(tag, …)] TAGS (value, …)}; tags left out are NULL (insert docs, "Normal Syntax Explanation"). */
    static Map<String, Object> tagValues(TokenCursor c, TableDef stable, DatabasePrecision precision) {
        List<Column> tags = new ArrayList<>(stable.tags());
        if (c.acceptSymbol("(")) {
            List<Column> named = new ArrayList<>();
            do {
                String tag = c.name();
                named.add(stable.tags().stream()
                        .filter(t -> t.name().equals(tag))
                        .findFirst()
                        .orElseThrow(() -> ServerError.PAR_INVALID_COLUMN.error("Invalid tag name: " + tag)));
            } while (c.acceptSymbol(","));
            c.expectSymbol(")");
            tags = named;
        }
        c.expectWord("TAGS");
        c.expectSymbol("(");
        Map<String, Object> values = new LinkedHashMap<>();
        for (Column t : stable.tags()) {
            values.put(t.name(), null);
        }
        for (int i = 0; i < tags.size(); i++) {
            if (i > 0) {
                c.expectSymbol(",");
            }
            values.put(tags.get(i).name(), SqlValues.convert(SqlValues.read(c), tags.get(i), precision));
        }
        if (!c.acceptSymbol(")")) {
            throw ServerError.PAR_TAGS_NOT_MATCHED.error();
        }
        return values;
    }

    private static List<Column> columnDefs(TokenCursor c) {
        c.expectSymbol("(");
        List<Column> columns = new ArrayList<>();
        do {
            columns.add(columnDef(c, c.name()));
            while (!c.atEnd() && !c.peek().isSymbol(",") && !c.peek().isSymbol(")")) {
                c.next();
            }
        } while (c.acceptSymbol(","));
        c.expectSymbol(")");
        return columns;
    }

    /**
     * A type after its column name: {@code INT [UNSIGNED]}, {@code VARCHAR(n)}, {@code DECIMAL(p[, s])} — a
     * DECIMAL's precision is 1 to 38 and its scale 0 to the precision, 0 when left out (data-type doc).
     */
    static Column columnDef(TokenCursor c, String name) {
        Token type = c.next();
        List<Integer> args = new ArrayList<>();
        if (c.acceptSymbol("(")) {
            do {
                args.add(Integer.parseInt(c.next().text()));
            } while (c.acceptSymbol(","));
            c.expectSymbol(")");
        }
        boolean unsigned = c.acceptWord("UNSIGNED");
        ColumnType columnType = ColumnType.fromSql(type.text(), unsigned);
        if (columnType == ColumnType.DECIMAL) {
            int precision = args.isEmpty() ? 0 : args.get(0);
            int scale = args.size() > 1 ? args.get(1) : 0;
            if (args.isEmpty()
                    || args.size() > 2
                    || precision < 1
                    || precision > 38
                    || scale < 0
                    || scale > precision) {
                throw ServerError.PAR_INVALID_COLUMN.error("Invalid column type: " + type.text());
            }
            return Column.decimal(name, precision, scale);
        }
        if (columnType.isVariable() && args.isEmpty()) {
            throw SqlTokenizer.syntaxError(type.text());
        }
        int length = args.isEmpty() ? 0 : args.get(0);
        if (columnType.isVariable() && length <= 0) {
            throw ServerError.PAR_INVALID_VAR_COLUMN_LEN.error();
        }
        return new Column(name, columnType, columnType.isVariable() ? length : columnType.fixedLength());
    }

    /** Table options ({@code TTL}, {@code COMMENT} …) up to the next table of a multi-table statement. */
    private static void skipOptions(TokenCursor c) {
        while (!c.atEnd() && !c.peek().isWord("IF") && !isTableStart(c)) {
            c.next();
        }
    }

    private static boolean isTableStart(TokenCursor c) {
        Token t = c.peek();
        Token after = c.peek(1);
        Token third = c.peek(2);
        if (!t.isName() || after == null) {
            return false;
        }
        if (after.isWord("USING") || after.isSymbol("(")) {
            return true;
        }
        return after.isSymbol(".")
                && third != null
                && c.peek(3) != null
                && (c.peek(3).isWord("USING") || c.peek(3).isSymbol("("));
    }
}
