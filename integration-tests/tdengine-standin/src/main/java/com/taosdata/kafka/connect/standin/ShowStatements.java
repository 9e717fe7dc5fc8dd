package com.taosdata.kafka.connect.standin;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code SHOW DATABASES}, {@code SHOW [db.]STABLES}, {@code SHOW [db.]TABLES} and {@code DESCRIBE}, with the
 * result columns TDengine 3.x gives them ({@code docs/en/14-reference/03-taos-sql/24-show.md}): {@code stable_name},
 * {@code table_name}, and {@code field}/{@code type}/{@code length}/{@code note} (note {@code TAG} for tags).
 */
public final class ShowStatements {
    private final Catalog catalog;
    private final QueryRunner queries;

    public ShowStatements(Catalog catalog, QueryRunner queries) {
        this.catalog = catalog;
        this.queries = queries;
    }

    /** The cursor stands after {@code SHOW}. */
    public QueryResult show(TokenCursor c, String defaultDb) {
        if (c.acceptWord("DATABASES")) {
            c.expectEnd();
            String sql = "SELECT * FROM information_schema.ins_databases";
            return queries.select(sql, SqlTokenizer.tokenize(sql), null);
        }
        String db = defaultDb;
        if (c.peek() != null && c.peek(1) != null && c.peek(1).isSymbol(".")) {
            db = c.name();
            c.expectSymbol(".");
        }
        boolean stables = c.acceptWord("STABLES");
        if (!stables) {
            c.expectWord("TABLES");
        }
        c.expectEnd();
        if (db == null || db.isEmpty()) {
            throw ServerError.PAR_DB_NOT_SPECIFIED.error();
        }
        List<List<Object>> rows = new ArrayList<>();
        for (TableDef t : catalog.database(db).tables().values()) {
            boolean isStable = t.kind() == TableDef.Kind.SUPER;
            if (isStable == stables) {
                rows.add(List.of(t.name()));
            }
        }
        rows.sort((a, b) -> a.get(0).toString().compareTo(b.get(0).toString()));
        Column name = new Column(stables ? "stable_name" : "table_name", ColumnType.VARCHAR, 192);
        return new QueryResult(List.of(name), rows, DatabasePrecision.MS, 0);
    }

    /**
     * The cursor stands after {@code DESCRIBE} or {@code DESC}. TDengine 3.3 adds each column's compression
     * ({@code encode}, {@code compress}, {@code level}, {@code 12-compress.md}): a column shows its type's
     * defaults, a tag {@code disabled} three times, as tags are not compressed (observed on a real 3.3.6.13).
     */
    public QueryResult describe(TokenCursor c, String defaultDb) {
        TokenCursor.QualifiedName name = c.qualifiedName(defaultDb);
        c.expectEnd();
        TableDef table = catalog.table(name.db(), name.table());
        List<List<Object>> rows = new ArrayList<>();
        for (Column col : table.columns()) {
            rows.add(List.of(
                    col.name(),
                    col.describeType(),
                    (long) col.restLength(),
                    "",
                    encode(col.type()),
                    compress(col.type()),
                    "medium"));
        }
        for (Column col : table.tags()) {
            rows.add(List.of(
                    col.name(),
                    col.describeType(),
                    (long) col.restLength(),
                    "TAG",
                    "disabled",
                    "disabled",
                    "disabled"));
        }
        List<Column> meta = List.of(
                new Column("field", ColumnType.VARCHAR, 64),
                new Column("type", ColumnType.VARCHAR, 20),
                new Column("length", ColumnType.INT, 4),
                new Column("note", ColumnType.VARCHAR, 16),
                new Column("encode", ColumnType.VARCHAR, 12),
                new Column("compress", ColumnType.VARCHAR, 12),
                new Column("level", ColumnType.VARCHAR, 12));
        return new QueryResult(meta, rows, DatabasePrecision.MS, 0);
    }

    /**
     * Default encodings by type ({@code 12-compress.md}, "Default compression algorithms list"), as a real
     * 3.3.6.13 printed them: BIGINT {@code simple8b} although the doc's table says {@code delta-i}.
     */
    private static String encode(ColumnType type) {
        return switch (type) {
            case TIMESTAMP -> "delta-i";
            case TINYINT, SMALLINT, INT, BIGINT, UTINYINT, USMALLINT, UINT, UBIGINT -> "simple8b";
            case FLOAT, DOUBLE -> "delta-d";
            case BOOL -> "bit-packing";
            case VARCHAR, NCHAR, VARBINARY, DECIMAL -> "disabled";
        };
    }

    private static String compress(ColumnType type) {
        return switch (type) {
            case TINYINT, SMALLINT, UTINYINT, USMALLINT -> "zlib";
            case BOOL, VARCHAR, NCHAR, VARBINARY, DECIMAL -> "zstd";
            default -> "lz4";
        };
    }
}
