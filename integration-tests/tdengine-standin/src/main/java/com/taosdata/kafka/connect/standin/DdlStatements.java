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
            throw ServerError.MND_STB_NOT_EXIST.error();
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
                named.add(stable.tags().stream().filter(t -> t.name().equals(tag)).findFirst()
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
            String name = c.name();
            Token type = c.next();
            int length = 0;
            if (c.acceptSymbol("(")) {
                length = Integer.parseInt(c.next().text());
                c.expectSymbol(")");
            }
            boolean unsigned = c.acceptWord("UNSIGNED");
            ColumnType columnType = ColumnType.fromSql(type.text(), unsigned);
            if (columnType.isVariable() && length <= 0) {
                throw ServerError.PAR_SYNTAX_ERROR.error("Invalid binary/nchar column/tag length");
            }
            columns.add(new Column(name, columnType, columnType.isVariable() ? length : columnType.fixedLength()));
            while (!c.atEnd() && !c.peek().isSymbol(",") && !c.peek().isSymbol(")")) {
                c.next();
            }
        } while (c.acceptSymbol(","));
        c.expectSymbol(")");
        return columns;
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
        return after.isSymbol(".") && third != null && c.peek(3) != null
                && (c.peek(3).isWord("USING") || c.peek(3).isSymbol("("));
    }
}
