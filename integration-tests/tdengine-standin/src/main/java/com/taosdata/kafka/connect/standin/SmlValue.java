package com.taosdata.kafka.connect.standin;

import java.nio.charset.StandardCharsets;

/**
 * A typed value from a schemaless line: its column type, the value as H2 stores it, and for strings the length
 * that decides the column width (bytes for VARCHAR, characters for NCHAR).
 */
public record SmlValue(ColumnType type, Object value, int length) {

    public static SmlValue nchar(String text) {
        return new SmlValue(ColumnType.NCHAR, text, text.codePointCount(0, text.length()));
    }

    public static SmlValue varchar(String text) {
        return new SmlValue(ColumnType.VARCHAR, text, text.getBytes(StandardCharsets.UTF_8).length);
    }

    public static SmlValue fixed(ColumnType type, Object value) {
        return new SmlValue(type, value, type.fixedLength());
    }
}
