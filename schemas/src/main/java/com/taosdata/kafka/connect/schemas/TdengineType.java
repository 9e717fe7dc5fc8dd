package com.taosdata.kafka.connect.schemas;

import java.util.Locale;

/** Every TDengine column type, named as TDengine's SQL and JDBC metadata name it. */
public enum TdengineType {
    TIMESTAMP("TIMESTAMP"),
    BOOL("BOOL"),
    TINYINT("TINYINT"),
    SMALLINT("SMALLINT"),
    INT("INT"),
    BIGINT("BIGINT"),
    TINYINT_UNSIGNED("TINYINT UNSIGNED"),
    SMALLINT_UNSIGNED("SMALLINT UNSIGNED"),
    INT_UNSIGNED("INT UNSIGNED"),
    BIGINT_UNSIGNED("BIGINT UNSIGNED"),
    FLOAT("FLOAT"),
    DOUBLE("DOUBLE"),
    VARCHAR("VARCHAR"),
    BINARY("BINARY"),
    NCHAR("NCHAR"),
    JSON("JSON"),
    VARBINARY("VARBINARY"),
    GEOMETRY("GEOMETRY"),
    DECIMAL("DECIMAL");

    private final String sqlName;

    TdengineType(String sqlName) {
        this.sqlName = sqlName;
    }

    /** The name in DDL and in JDBC metadata, e.g. {@code INT UNSIGNED}. */
    public String sqlName() {
        return sqlName;
    }

    /**
     * Parses a type name as TDengine prints it, ignoring case, extra blanks and a length or precision suffix:
     * {@code int unsigned}, {@code BINARY(20)}, {@code DECIMAL(10,2)}; also the aliases {@code INTEGER},
     * {@code BOOLEAN}, {@code UTINYINT} … {@code UBIGINT}.
     *
     * @throws IllegalArgumentException for a name that is no TDengine type
     */
    public static TdengineType parse(String typeName) {
        String name = typeName.trim().toUpperCase(Locale.ROOT);
        int paren = name.indexOf('(');
        if (paren >= 0) {
            name = name.substring(0, paren).trim();
        }
        name = name.replaceAll("\\s+", " ");
        switch (name) {
            case "INTEGER":
                return INT;
            case "BOOLEAN":
                return BOOL;
            case "UTINYINT":
                return TINYINT_UNSIGNED;
            case "USMALLINT":
                return SMALLINT_UNSIGNED;
            case "UINT":
                return INT_UNSIGNED;
            case "UBIGINT":
                return BIGINT_UNSIGNED;
            default:
                break;
        }
        for (TdengineType type : values()) {
            if (type.sqlName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Not a TDengine column type: " + typeName);
    }
}
