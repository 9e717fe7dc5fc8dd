package com.taosdata.kafka.connect.standin;

/** A column or tag of a TDengine table; {@code length} is the declared length of VARCHAR/NCHAR columns. */
public record Column(String name, ColumnType type, int length) {

    public int restLength() {
        return type.isVariable() ? length : type.fixedLength();
    }

    /**
     * Bytes the column takes in a stored row, as the "Names & Limits" doc counts them: fixed types their size,
     * VARCHAR its length and NCHAR four bytes a character, each variable column 2 bytes more.
     */
    public int storedBytes() {
        if (!type.isVariable()) {
            return type.fixedLength();
        }
        return (type == ColumnType.NCHAR ? length * 4 : length) + 2;
    }

    /** The type as DESCRIBE prints it, e.g. {@code VARCHAR} (the length is its own column). */
    public String describeType() {
        return type.restName();
    }

    public Column withLength(int newLength) {
        return new Column(name, type, newLength);
    }
}
