package com.taosdata.kafka.connect.sink.write;

import com.taosdata.kafka.connect.schemas.text.DecimalText;
import java.math.BigDecimal;

/**
 * Values in TDengine SQL, from the canonical types {@link com.taosdata.kafka.connect.sink.row.ValueConverter}
 * produces: numbers as written by Java (TDengine reads {@code 1.5E10}), booleans as {@code true}/{@code false}, strings
 * in single quotes with backslash and quote escaped, bytes as a {@code '\x…'} hex string, a missing value as
 * {@code NULL}.
 */
final class SqlLiterals {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private SqlLiterals() {}

    static void append(StringBuilder sql, Object value) {
        if (value == null) {
            sql.append("NULL");
        } else if (value instanceof Long number) {
            sql.append(number.longValue());
        } else if (value instanceof String text) {
            appendString(sql, text);
        } else if (value instanceof Double number) {
            // Double.toString's text, without JDK 17's Double.toString for the values sensors send (a quarter of
            // the typed writer thread's Java time, JFR).
            DecimalText.appendDouble(sql, number);
        } else if (value instanceof Float number) {
            sql.append(number.floatValue());
        } else if (value instanceof Boolean bool) {
            sql.append(bool.booleanValue());
        } else if (value instanceof BigDecimal decimal) {
            sql.append(decimal.toPlainString());
        } else if (value instanceof byte[] bytes) {
            sql.append("'\\x");
            for (byte b : bytes) {
                sql.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
            sql.append('\'');
        } else {
            // BigInteger (BIGINT UNSIGNED above Long.MAX_VALUE)
            sql.append(value);
        }
    }

    private static void appendString(StringBuilder sql, String text) {
        sql.append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '\\') {
                sql.append('\\');
            }
            sql.append(c);
        }
        sql.append('\'');
    }
}
