package com.taosdata.kafka.connect.standin;

/**
 * A column or tag of a TDengine table. {@code length} is the declared length of VARCHAR/NCHAR/VARBINARY columns
 * and the precision of a DECIMAL column, whose scale is {@code scale}; both are 0 for other types.
 */
public record Column(String name, ColumnType type, int length, int scale) {

    /** DECIMAL64 holds up to 18 digits; more need the 16-byte DECIMAL (data-type doc). */
    static final int DECIMAL64_MAX_PRECISION = 18;

    public Column(String name, ColumnType type, int length) {
        this(name, type, length, 0);
    }

    public static Column decimal(String name, int precision, int scale) {
        return new Column(name, ColumnType.DECIMAL, precision, scale);
    }

    public int restLength() {
        if (type == ColumnType.DECIMAL) {
            return length <= DECIMAL64_MAX_PRECISION ? 8 : 16;
        }
        return type.isVariable() ? length : type.fixedLength();
    }

    /**
     * Bytes the column takes in a stored row, as the "Names & Limits" doc counts them: fixed types their size,
     * VARCHAR/VARBINARY their length and NCHAR four bytes a character, each variable column 2 bytes more.
     */
    public int storedBytes() {
        if (!type.isVariable()) {
            return restLength();
        }
        return (type == ColumnType.NCHAR ? length * 4 : length) + 2;
    }

    /**
     * The type as DESCRIBE prints it, e.g. {@code VARCHAR} (the length is its own column); a DECIMAL with its
     * precision and scale, {@code DECIMAL(10, 2)} (observed on a real 3.3.6.13, with the space).
     */
    public String describeType() {
        return type == ColumnType.DECIMAL ? "DECIMAL(" + length + ", " + scale + ")" : type.restName();
    }

    /**
     * The type name of {@code column_meta}: taosAdapter 3.3.6 spells a DECIMAL with its precision and scale and
     * no space ({@code RowsHeader.TypeDatabaseName}: {@code DECIMAL(10,2)}, observed).
     */
    public String restType() {
        return type == ColumnType.DECIMAL ? "DECIMAL(" + length + "," + scale + ")" : type.restName();
    }

    /** The H2 type storing the column; a DECIMAL keeps its precision and scale so H2 rounds as TDengine does. */
    public String h2Type() {
        return type == ColumnType.DECIMAL ? "NUMERIC(" + length + ", " + scale + ")" : type.h2Type();
    }

    public Column withLength(int newLength) {
        return new Column(name, type, newLength, scale);
    }
}
