package com.taosdata.kafka.connect.standin;

import java.util.Locale;

/**
 * TDengine 3.x column types ({@code docs/en/14-reference/03-taos-sql/01-data-type.md}): the name the REST API
 * reports in {@code column_meta} (REST API doc, "Successful Query Operation"), the fixed byte length, and
 * the H2 type that stores it. Unsigned types use the next wider signed H2 type so every value fits.
 */
public enum ColumnType {
    TIMESTAMP("TIMESTAMP", 8, "BIGINT"),
    BOOL("BOOL", 1, "BOOLEAN"),
    TINYINT("TINYINT", 1, "TINYINT"),
    SMALLINT("SMALLINT", 2, "SMALLINT"),
    INT("INT", 4, "INTEGER"),
    BIGINT("BIGINT", 8, "BIGINT"),
    UTINYINT("TINYINT UNSIGNED", 1, "SMALLINT"),
    USMALLINT("SMALLINT UNSIGNED", 2, "INTEGER"),
    UINT("INT UNSIGNED", 4, "BIGINT"),
    UBIGINT("BIGINT UNSIGNED", 8, "NUMERIC(20)"),
    FLOAT("FLOAT", 4, "REAL"),
    DOUBLE("DOUBLE", 8, "DOUBLE PRECISION"),
    VARCHAR("VARCHAR", 0, "VARCHAR"),
    NCHAR("NCHAR", 0, "VARCHAR"),
    VARBINARY("VARBINARY", 0, "VARBINARY"),
    /**
     * DECIMAL(p, s), since 3.3.6 (data-type doc, "DECIMAL Data Type"): 8 bytes up to precision 18, 16 above. The
     * column's {@link Column#length()} holds the precision and {@link Column#scale()} the scale.
     */
    DECIMAL("DECIMAL", 16, "NUMERIC");

    private final String restName;
    private final int fixedLength;
    private final String h2Type;

    ColumnType(String restName, int fixedLength, String h2Type) {
        this.restName = restName;
        this.fixedLength = fixedLength;
        this.h2Type = h2Type;
    }

    public String restName() {
        return restName;
    }

    public String h2Type() {
        return h2Type;
    }

    public boolean isVariable() {
        return fixedLength == 0;
    }

    public int fixedLength() {
        return fixedLength;
    }

    /** Resolves a type name as written in DDL ({@code BINARY} and {@code VARCHAR} are the same type). */
    public static ColumnType fromSql(String name, boolean unsigned) {
        String n = name.toUpperCase(Locale.ROOT);
        ColumnType type = switch (n) {
            case "TIMESTAMP" -> TIMESTAMP;
            case "BOOL", "BOOLEAN" -> BOOL;
            case "TINYINT" -> unsigned ? UTINYINT : TINYINT;
            case "SMALLINT" -> unsigned ? USMALLINT : SMALLINT;
            case "INT", "INTEGER" -> unsigned ? UINT : INT;
            case "BIGINT" -> unsigned ? UBIGINT : BIGINT;
            case "FLOAT" -> FLOAT;
            case "DOUBLE" -> DOUBLE;
            case "BINARY", "VARCHAR" -> VARCHAR;
            case "NCHAR" -> NCHAR;
            case "VARBINARY" -> VARBINARY;
            case "DECIMAL" -> DECIMAL;
            default -> null;
        };
        if (type == null) {
            throw ServerError.PAR_SYNTAX_ERROR.error("syntax error near \"" + name + "\"");
        }
        return type;
    }
}
