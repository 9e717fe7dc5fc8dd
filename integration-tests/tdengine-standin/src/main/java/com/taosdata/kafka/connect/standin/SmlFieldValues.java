package com.taosdata.kafka.connect.standin;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Types a schemaless field value by its form, per the schemaless doc ("Schemaless Writing Line Protocol"):
 * {@code "…"} VARCHAR, {@code L"…"} NCHAR, {@code t/T/true/True/TRUE/f/F/false/False/FALSE} BOOL, numbers by
 * suffix ({@code i8 i16 i32 i64 u8 u16 u32 u64 f32 f64}, {@code i}/{@code u} = 64-bit as in InfluxDB), and a
 * number without suffix DOUBLE. Anything else, including a suffixed number out of its type's range, is
 * {@code 0x80000203} as in TDengine's parser.
 */
public final class SmlFieldValues {
    private static final Set<String> TRUE = Set.of("t", "T", "true", "True", "TRUE");
    private static final Set<String> FALSE = Set.of("f", "F", "false", "False", "FALSE");
    private static final List<String> SUFFIXES =
            List.of("i16", "i32", "i64", "u16", "u32", "u64", "f32", "f64", "i8", "u8", "i", "u");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private SmlFieldValues() {}

    /** Types an unquoted value (bool or number). */
    public static SmlValue unquoted(String raw) {
        if (raw.isEmpty()) {
            throw ServerError.SML_INVALID_DATA.error("Invalid data format: invalid value");
        }
        if (TRUE.contains(raw)) {
            return SmlValue.fixed(ColumnType.BOOL, true);
        }
        if (FALSE.contains(raw)) {
            return SmlValue.fixed(ColumnType.BOOL, false);
        }
        for (String suffix : SUFFIXES) {
            if (raw.endsWith(suffix) && raw.length() > suffix.length()) {
                return suffixed(raw.substring(0, raw.length() - suffix.length()), suffix);
            }
        }
        return SmlValue.fixed(ColumnType.DOUBLE, parseDouble(raw));
    }

    private static SmlValue suffixed(String number, String suffix) {
        return switch (suffix) {
            case "i8" -> SmlValue.fixed(ColumnType.TINYINT, integer(number, Byte.MIN_VALUE, Byte.MAX_VALUE));
            case "i16" -> SmlValue.fixed(ColumnType.SMALLINT, integer(number, Short.MIN_VALUE, Short.MAX_VALUE));
            case "i32" -> SmlValue.fixed(ColumnType.INT, integer(number, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case "i64", "i" -> SmlValue.fixed(ColumnType.BIGINT, integer(number, Long.MIN_VALUE, Long.MAX_VALUE));
            case "u8" -> SmlValue.fixed(ColumnType.UTINYINT, integer(number, 0, 255));
            case "u16" -> SmlValue.fixed(ColumnType.USMALLINT, integer(number, 0, 65535));
            case "u32" -> SmlValue.fixed(ColumnType.UINT, integer(number, 0, 4294967295L));
            case "u64", "u" -> SmlValue.fixed(ColumnType.UBIGINT, unsigned64(number));
            case "f32" -> SmlValue.fixed(ColumnType.FLOAT, (float) parseDouble(number));
            default -> SmlValue.fixed(ColumnType.DOUBLE, parseDouble(number));
        };
    }

    private static double parseDouble(String text) {
        if (!NUMBER.matcher(text).matches()) {
            throw invalidValue(text);
        }
        return Double.parseDouble(text);
    }

    private static long integer(String text, long min, long max) {
        try {
            long value = new BigDecimal(text).longValueExact();
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalidValue(text);
        }
        throw invalidValue(text);
    }

    private static BigDecimal unsigned64(String text) {
        try {
            BigInteger value = new BigDecimal(text).toBigIntegerExact();
            if (value.signum() >= 0 && value.bitLength() <= 64) {
                return new BigDecimal(value);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalidValue(text);
        }
        throw invalidValue(text);
    }

    /**
     * A value that is no valid string, bool or number: TDengine's parser answers "Invalid value in client"
     * ({@code smlParseValue} in {@code clientSmlLine.c}).
     */
    private static ServerErrorException invalidValue(String text) {
        return ServerError.TSC_INVALID_VALUE.error("Invalid value in client: " + text);
    }

    /**
     * Reads a timestamp as written, digits with an optional minus sign. Its size is not checked here: a timestamp
     * beyond 64 bits is out of range like any other, which fails only the rows of its vgroup.
     */
    public static BigInteger timestamp(String text) {
        if (!text.matches("-?\\d+")) {
            throw ServerError.SML_INVALID_DATA.error("SML line invalid timestamp:" + text);
        }
        return new BigInteger(text);
    }
}
