package com.taosdata.kafka.connect.standin;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Reads literal values of INSERT and TAGS clauses and converts them to a column's type. Integer timestamps
 * are ticks of the database precision, string timestamps are parsed (insert docs, "About Timestamps").
 */
public final class SqlValues {
    /** A literal as written: {@code kind} is the token kind, or {@code null} for NULL and NOW. */
    public record Literal(Token.Kind kind, String text) {
        boolean isNull() {
            return kind == null && "NULL".equals(text);
        }

        boolean isNow() {
            return kind == null && "NOW".equals(text);
        }
    }

    private SqlValues() {
    }

    public static Literal read(TokenCursor c) {
        if (c.acceptWord("NULL")) {
            return new Literal(null, "NULL");
        }
        if (c.acceptWord("NOW")) {
            if (c.acceptSymbol("(")) {
                c.expectSymbol(")");
            }
            return new Literal(null, "NOW");
        }
        boolean negative = c.acceptSymbol("-");
        if (!negative) {
            c.acceptSymbol("+");
        }
        Token t = c.next();
        if (t.kind() == Token.Kind.NUMBER) {
            return new Literal(Token.Kind.NUMBER, negative ? "-" + t.text() : t.text());
        }
        if (negative || !(t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.WORD)) {
            throw SqlTokenizer.syntaxError(t.text());
        }
        return new Literal(t.kind(), t.text());
    }

    public static Object convert(Literal literal, Column column, DatabasePrecision precision) {
        if (literal.isNull()) {
            return null;
        }
        String text = literal.text();
        try {
            return switch (column.type()) {
                case TIMESTAMP -> timestamp(literal, precision);
                case BOOL -> bool(text);
                case TINYINT -> range(text, Byte.MIN_VALUE, Byte.MAX_VALUE);
                case SMALLINT -> range(text, Short.MIN_VALUE, Short.MAX_VALUE);
                case INT -> range(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
                case BIGINT -> new BigDecimal(text).longValueExact();
                case UTINYINT -> range(text, 0, 255);
                case USMALLINT -> range(text, 0, 65535);
                case UINT -> range(text, 0, 4294967295L);
                case UBIGINT -> unsignedBig(text);
                case FLOAT -> Float.parseFloat(text);
                case DOUBLE -> Double.parseDouble(text);
                case VARCHAR, NCHAR -> string(text, column);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw ServerError.PAR_SYNTAX_ERROR.error("syntax error near \"" + text + "\" (invalid "
                    + column.type().restName() + " data)");
        }
    }

    private static long timestamp(Literal literal, DatabasePrecision precision) {
        if (literal.isNow()) {
            return precision.now();
        }
        if (literal.kind() == Token.Kind.NUMBER) {
            return Long.parseLong(literal.text());
        }
        return precision.parseString(literal.text());
    }

    private static boolean bool(String text) {
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        return new BigDecimal(text).signum() != 0;
    }

    private static long range(String text, long min, long max) {
        long value = new BigDecimal(text).longValueExact();
        if (value < min || value > max) {
            throw new ArithmeticException("out of range");
        }
        return value;
    }

    private static BigDecimal unsignedBig(String text) {
        BigInteger value = new BigDecimal(text).toBigIntegerExact();
        if (value.signum() < 0 || value.bitLength() > 64) {
            throw new ArithmeticException("out of range");
        }
        return new BigDecimal(value);
    }

    private static String string(String text, Column column) {
        int length = column.type() == ColumnType.NCHAR
                ? text.codePointCount(0, text.length())
                : text.getBytes(StandardCharsets.UTF_8).length;
        if (length > column.length()) {
            throw ServerError.PAR_VALUE_TOO_LONG.error("Value too long for column/tag: " + column.name());
        }
        return text;
    }
}
