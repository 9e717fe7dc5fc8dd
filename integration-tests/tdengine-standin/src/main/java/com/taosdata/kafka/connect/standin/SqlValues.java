package com.taosdata.kafka.connect.standin;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads literal values of INSERT and TAGS clauses and converts them to a column's type. Integer timestamps
 * are ticks of the database precision, string timestamps are parsed (insert docs, "About Timestamps").
 */
public final class SqlValues {
    /**
     * A literal as written: {@code kind} is the token kind, or {@code null} for NULL and NOW; {@code near} is what
     * TDengine's error messages quote: a string's value, or for other tokens the statement from the token on,
     * lower-cased (observed: {@code syntax error near '128)' (tinyint data overflow)}).
     */
    public record Literal(Token.Kind kind, String text, String near) {
        boolean isNull() {
            return kind == null && "NULL".equals(text);
        }

        boolean isNow() {
            return kind == null && "NOW".equals(text);
        }
    }

    private SqlValues() {}

    public static Literal read(TokenCursor c) {
        if (c.acceptWord("NULL")) {
            return new Literal(null, "NULL", "null");
        }
        if (c.acceptWord("NOW")) {
            if (c.acceptSymbol("(")) {
                c.expectSymbol(")");
            }
            return new Literal(null, "NOW", "now");
        }
        String near = c.atEnd() ? "" : c.sqlFrom(c.peek()).toLowerCase(Locale.ROOT);
        boolean negative = c.acceptSymbol("-");
        if (!negative) {
            c.acceptSymbol("+");
        }
        Token t = c.next();
        if (t.kind() == Token.Kind.NUMBER) {
            return new Literal(Token.Kind.NUMBER, negative ? "-" + t.text() : t.text(), near);
        }
        if (negative || !(t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.WORD)) {
            throw SqlTokenizer.syntaxError(t.text());
        }
        return new Literal(t.kind(), t.text(), t.kind() == Token.Kind.STRING ? t.text() : near);
    }

    /**
     * Converts a literal to a column's or tag's value the way TDengine's insert parser does
     * ({@code parseValueTokenImpl} / {@code parseTagToken} in {@code parInsertSql.c}): NULL, or the string
     * {@code 'null'} for a non-string type, is NULL; an integer column takes integers, decimal numbers rounded to
     * the nearest integer, and strings holding a number; a value of the wrong form or out of range fails with
     * {@code 0x80000216} (their {@code buildSyntaxErrMsg}); a string too long for its column fails with
     * {@code 0x80002653}.
     */
    public static Object convert(Literal literal, Column column, DatabasePrecision precision) {
        if (literal.isNull()
                || (literal.kind() == Token.Kind.STRING
                        && !isStringType(column.type())
                        && literal.text().equalsIgnoreCase("null"))) {
            return null;
        }
        String text = literal.text();
        if (literal.kind() == Token.Kind.STRING && text.isEmpty() && isNumeric(column.type())) {
            throw invalid("", "invalid numeric data");
        }
        return switch (column.type()) {
            case TIMESTAMP -> timestamp(literal, precision);
            case BOOL -> bool(literal);
            case TINYINT -> signed(literal, Byte.MIN_VALUE, Byte.MAX_VALUE, "tinyint");
            case SMALLINT -> signed(literal, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
            case INT -> signed(literal, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
            case BIGINT -> signed(literal, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
            case UTINYINT ->
                unsigned(literal, BigInteger.valueOf(255), "unsigned tinyint").longValue();
            case USMALLINT ->
                unsigned(literal, BigInteger.valueOf(65535), "unsigned smallint")
                        .longValue();
            case UINT ->
                unsigned(literal, BigInteger.valueOf(4294967295L), "unsigned int")
                        .longValue();
            case UBIGINT -> new BigDecimal(unsigned(literal, MAX_UBIGINT, "unsigned bigint"));
            case FLOAT -> floatValue(literal);
            case DOUBLE -> doubleValue(literal);
            case VARCHAR, NCHAR -> string(text, column);
            case VARBINARY -> varbinary(literal, column);
            case DECIMAL -> decimal(literal, column);
        };
    }

    private static final BigInteger MAX_UBIGINT = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger MIN_BIGINT = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX_BIGINT = BigInteger.valueOf(Long.MAX_VALUE);

    private static boolean isNumeric(ColumnType type) {
        return switch (type) {
            case TINYINT, SMALLINT, INT, BIGINT, UTINYINT, USMALLINT, UINT, UBIGINT, FLOAT, DOUBLE, DECIMAL -> true;
            default -> false;
        };
    }

    private static boolean isStringType(ColumnType type) {
        return type == ColumnType.VARCHAR || type == ColumnType.NCHAR || type == ColumnType.VARBINARY;
    }

    /** TDengine's message for a value it cannot take: {@code syntax error near '<value>' (<reason>)}. */
    static ServerErrorException invalid(String text, String reason) {
        String shown = text.length() > 63 ? text.substring(0, 63) : text;
        return ServerError.TSC_SQL_SYNTAX_ERROR.error("syntax error near '" + shown + "' (" + reason + ")");
    }

    private static long timestamp(Literal literal, DatabasePrecision precision) {
        if (literal.isNow()) {
            return precision.now();
        }
        if (literal.kind() == Token.Kind.NUMBER) {
            try {
                return Long.parseLong(literal.text());
            } catch (NumberFormatException e) {
                throw invalid(literal.near(), "invalid timestamp");
            }
        }
        return precision.parseString(literal.text());
    }

    private static boolean bool(Literal literal) {
        String text = literal.text();
        if (literal.kind() == Token.Kind.WORD || literal.kind() == Token.Kind.STRING) {
            if (text.equalsIgnoreCase("true")) {
                return true;
            }
            if (text.equalsIgnoreCase("false")) {
                return false;
            }
        }
        BigDecimal number = number(literal);
        if (number == null) {
            throw invalid(literal.near(), "invalid bool data");
        }
        return number.signum() != 0;
    }

    /**
     * A number as TDengine's {@code toIntegerEx}/{@code toDoubleEx} read one: a numeric literal, or a string
     * holding one; null for anything else ({@code true}, {@code 'abc'}).
     */
    private static BigDecimal number(Literal literal) {
        if (literal.kind() != Token.Kind.NUMBER && literal.kind() != Token.Kind.STRING) {
            return null;
        }
        try {
            return new BigDecimal(literal.text().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A decimal number is rounded half away from zero, as C's {@code round} in {@code toIntegerEx}. */
    private static BigInteger integer(Literal literal) {
        BigDecimal number = number(literal);
        return number == null ? null : number.setScale(0, RoundingMode.HALF_UP).toBigInteger();
    }

    private static long signed(Literal literal, long min, long max, String type) {
        BigInteger value = integer(literal);
        if (value == null || value.compareTo(MIN_BIGINT) < 0 || value.compareTo(MAX_BIGINT) > 0) {
            throw invalid(literal.near(), "invalid " + type + " data");
        }
        long v = value.longValue();
        if (v < min || v > max) {
            throw invalid(literal.near(), type + " data overflow");
        }
        return v;
    }

    private static BigInteger unsigned(Literal literal, BigInteger max, String type) {
        BigInteger value = integer(literal);
        if (value == null || value.signum() < 0 || value.compareTo(MAX_UBIGINT) > 0) {
            throw invalid(literal.near(), "invalid " + type + " data");
        }
        if (value.compareTo(max) > 0) {
            throw invalid(literal.near(), type + " data overflow");
        }
        return value;
    }

    private static float floatValue(Literal literal) {
        BigDecimal number = number(literal);
        if (number == null || number.abs().compareTo(BigDecimal.valueOf(Float.MAX_VALUE)) > 0) {
            throw invalid(literal.near(), "illegal float data");
        }
        return number.floatValue();
    }

    private static double doubleValue(Literal literal) {
        BigDecimal number = number(literal);
        if (number == null) {
            throw invalid(literal.near(), "illegal float data");
        }
        double value = number.doubleValue();
        if (Double.isInfinite(value)) {
            throw invalid(literal.near(), "illegal double data");
        }
        return value;
    }

    /**
     * VARCHAR counts bytes, NCHAR characters against the declared length ({@code pToken->n + VARSTR_HEADER_SIZE >
     * bytes} and {@code taosMbsToUcs4}'s {@code E2BIG}); numbers and {@code true}/{@code false} are stored as
     * written.
     */
    private static String string(String text, Column column) {
        int length = column.type() == ColumnType.NCHAR
                ? text.codePointCount(0, text.length())
                : text.getBytes(StandardCharsets.UTF_8).length;
        if (length > column.length()) {
            throw tooLong(column);
        }
        return text;
    }

    private static ServerErrorException tooLong(Column column) {
        return ServerError.PAR_VALUE_TOO_LONG.error("Value too long for column/tag: " + column.name());
    }

    /**
     * VARBINARY takes a string only ({@code parseVarbinary}): {@code '\x…'} (lower-case x) is hexadecimal, two
     * digits a byte (odd or non-hex digits are {@code 0x8000266A}); any other string is stored as its bytes
     * after unescaping, so {@code '\X0A'} is the three bytes {@code X0A} (observed on a real 3.3.6.13). The
     * data-type doc: "needs to be converted to a string starting with \x".
     */
    private static byte[] varbinary(Literal literal, Column column) {
        if (literal.kind() != Token.Kind.STRING) {
            throw ServerError.PAR_INVALID_VARBINARY.error("Invalid varbinary value: " + column.name());
        }
        String text = literal.text();
        byte[] bytes;
        if (text.startsWith("\\x")) {
            bytes = hex(text.substring(2), column);
        } else {
            bytes = text.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > column.length()) {
            throw tooLong(column);
        }
        return bytes;
    }

    private static byte[] hex(String digits, Column column) {
        if (digits.length() % 2 != 0) {
            throw ServerError.PAR_INVALID_VARBINARY.error("Invalid varbinary value: " + column.name());
        }
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = Character.digit(digits.charAt(2 * i), 16);
            int low = Character.digit(digits.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                throw ServerError.PAR_INVALID_VARBINARY.error("Invalid varbinary value: " + column.name());
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return bytes;
    }

    /**
     * DECIMAL takes a number or a string, exponent form included; more decimals than the scale are rounded
     * ("10.987 in DECIMAL(10, 2) is stored as 10.99", data-type doc), more integer digits than precision − scale
     * overflow ({@code 0x8000013D}). A string is read up to its first character that is no part of a number,
     * as {@code decimalVarFromStr} does: a real 3.3.6.13 stored {@code 'abc'} as {@code 0.00}.
     */
    private static BigDecimal decimal(Literal literal, Column column) {
        BigDecimal number = number(literal);
        if (number == null) {
            number = numericPrefix(literal.text());
        }
        BigDecimal rounded = number.setScale(column.scale(), RoundingMode.HALF_UP);
        if (rounded.precision() - rounded.scale() > column.length() - column.scale()) {
            throw ServerError.DECIMAL_OVERFLOW.error();
        }
        return rounded;
    }

    private static final Pattern NUMERIC_PREFIX = Pattern.compile("^[+-]?(\\d*)(\\.\\d*)?");

    private static BigDecimal numericPrefix(String text) {
        Matcher m = NUMERIC_PREFIX.matcher(text.trim());
        if (!m.find()
                || m.group(1).isEmpty() && (m.group(2) == null || m.group(2).length() < 2)) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(m.group());
    }
}
