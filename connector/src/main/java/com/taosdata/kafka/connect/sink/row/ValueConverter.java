package com.taosdata.kafka.connect.sink.row;

import com.taosdata.kafka.connect.schemas.TdengineType;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.schemas.mapping.ColumnMapping;
import com.taosdata.kafka.connect.sink.table.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * Converts a record value to the declared type of its column, losslessly or not at all: an integer must fit the
 * column's range, a string its length, a number with a fraction an integer column never. The result is the value
 * in one canonical Java type per column type, which writers render or bind: {@code Long} for integer and TIMESTAMP
 * columns ({@code BigInteger} for BIGINT UNSIGNED above {@code Long.MAX_VALUE}), {@code Float}, {@code Double},
 * {@code Boolean}, {@code String}, {@code byte[]} and {@code BigDecimal} at the column's scale.
 */
public final class ValueConverter {

    private static final BigInteger UNSIGNED_BIGINT_MAX =
            BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final TimestampUnit precision;

    /** @param precision the database precision: Connect Timestamp, Date and Time values are written in it */
    public ValueConverter(TimestampUnit precision) {
        this.precision = precision;
    }

    /**
     * @param mapping how the record's schema (or the value's class) types the value
     * @throws ValueMismatch when the value does not fit the column
     */
    public Object convert(Object value, ColumnMapping mapping, ColumnType column) {
        return switch (column.type()) {
            case TINYINT -> integer(value, mapping, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case SMALLINT -> integer(value, mapping, Short.MIN_VALUE, Short.MAX_VALUE);
            case INT -> integer(value, mapping, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case BIGINT -> integer(value, mapping, Long.MIN_VALUE, Long.MAX_VALUE);
            case TINYINT_UNSIGNED -> integer(value, mapping, 0, 0xFFL);
            case SMALLINT_UNSIGNED -> integer(value, mapping, 0, 0xFFFFL);
            case INT_UNSIGNED -> integer(value, mapping, 0, 0xFFFF_FFFFL);
            case BIGINT_UNSIGNED -> unsignedBigint(value);
            case FLOAT -> floatValue(value);
            case DOUBLE -> doubleValue(value);
            case BOOL -> {
                if (value instanceof Boolean) {
                    yield value;
                }
                throw mismatch(value, "is not a boolean");
            }
            case VARCHAR, BINARY -> sized(text(value), column, value);
            case NCHAR -> sized(text(value), column, value);
            case VARBINARY -> sized(bytes(value), column, value);
            case TIMESTAMP -> timestamp(value);
            case DECIMAL -> decimal(value, column);
            case JSON, GEOMETRY ->
                throw mismatch(
                        value,
                        "cannot be written: write.method=stmt does not write "
                                + column.type().sqlName() + " columns");
        };
    }

    /**
     * The length {@code value} needs in a column of {@code column}'s type, whatever its declared length; -1 when the
     * value does not convert to that type at all.
     */
    public static int neededLength(Object value, ColumnType column) {
        try {
            return length(column.type() == TdengineType.VARBINARY ? bytes(value) : text(value), column);
        } catch (ValueMismatch e) {
            return -1;
        }
    }

    /** The length a value takes in a sized column: UTF-8 bytes (VARCHAR), characters (NCHAR) or bytes (VARBINARY). */
    public static int length(Object canonical, ColumnType column) {
        return switch (column.type()) {
            case NCHAR -> ((String) canonical).codePointCount(0, ((String) canonical).length());
            case VARBINARY -> ((byte[]) canonical).length;
            default -> utf8Length((String) canonical);
        };
    }

    private Object integer(Object value, ColumnMapping mapping, long min, long max) {
        long number;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            number = ((Number) value).longValue();
        } else if (value instanceof Date date && mapping != null) {
            number = dateValue(date, mapping);
        } else if (value instanceof Instant instant && mapping == ColumnMapping.TIMESTAMP) {
            number = inPrecision(instant);
        } else if (value instanceof BigDecimal
                || value instanceof BigInteger
                || value instanceof Double
                || value instanceof Float) {
            BigDecimal exact = exact(value);
            if (exact.stripTrailingZeros().scale() > 0) {
                throw mismatch(value, "has a fraction");
            }
            try {
                number = exact.longValueExact();
            } catch (ArithmeticException e) {
                throw outOfRange(value, min, max);
            }
        } else {
            throw mismatch(value, "is not a number");
        }
        if (number < min || number > max) {
            throw outOfRange(value, min, max);
        }
        return number;
    }

    private static Object unsignedBigint(Object value) {
        BigInteger number;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            number = BigInteger.valueOf(((Number) value).longValue());
        } else if (value instanceof Number) {
            BigDecimal exact = exact(value);
            if (exact.stripTrailingZeros().scale() > 0) {
                throw mismatch(value, "has a fraction");
            }
            number = exact.toBigInteger();
        } else {
            throw mismatch(value, "is not a number");
        }
        if (number.signum() < 0 || number.compareTo(UNSIGNED_BIGINT_MAX) > 0) {
            throw mismatch(value, "is out of range (0 to " + UNSIGNED_BIGINT_MAX + ")");
        }
        return number.bitLength() < 64 ? (Object) number.longValue() : number;
    }

    private static Object floatValue(Object value) {
        double number = finite(value);
        if (Math.abs(number) > Float.MAX_VALUE) {
            throw mismatch(value, "is out of range for FLOAT");
        }
        return (float) number;
    }

    private static Object doubleValue(Object value) {
        return finite(value);
    }

    /** SQL has no literal for NaN or infinity, and TDengine's FLOAT and DOUBLE columns store neither from SQL. */
    private static double finite(Object value) {
        if (!(value instanceof Number)) {
            throw mismatch(value, "is not a number");
        }
        double number = ((Number) value).doubleValue();
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            throw mismatch(value, "is not a finite number");
        }
        return number;
    }

    private static String text(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        }
        throw mismatch(value, "is not a string");
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        if (value instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        throw mismatch(value, "is not bytes or a string");
    }

    private static Object sized(Object canonical, ColumnType column, Object value) {
        int length = length(canonical, column);
        if (length > column.length()) {
            throw new ValueMismatch(
                    "is " + length + (column.type() == TdengineType.NCHAR ? " characters" : " bytes")
                            + " long, longer than " + column.sql() + " allows",
                    value,
                    length);
        }
        return canonical;
    }

    private Object timestamp(Object value) {
        if (value instanceof Date date) {
            return inPrecision(date);
        }
        if (value instanceof Instant instant) {
            return inPrecision(instant);
        }
        if (value instanceof Long || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        throw mismatch(value, "is not a timestamp (a Connect Timestamp or a number in the database precision)");
    }

    /** Date, Time and Timestamp values in a BIGINT column: epoch or time-of-day in the output precision, as the SMTs. */
    private long dateValue(Date date, ColumnMapping mapping) {
        if (mapping != ColumnMapping.DATE && mapping != ColumnMapping.TIME && mapping != ColumnMapping.TIMESTAMP) {
            throw mismatch(date, "is not a number");
        }
        return inPrecision(date);
    }

    /** A point in time in the database precision: nanoseconds in a long end in the year 2262. */
    private long inPrecision(Date date) {
        try {
            return precision.convert(date.getTime(), TimestampUnit.MS);
        } catch (ArithmeticException e) {
            throw mismatch(date, "is out of range for a timestamp in " + precision.configValue());
        }
    }

    /** A Protobuf Timestamp in the database precision, to the nanosecond where it has them. */
    private long inPrecision(Instant instant) {
        try {
            return precision.fromEpochSecond(instant.getEpochSecond(), instant.getNano());
        } catch (ArithmeticException e) {
            throw mismatch(instant, "is out of range for a timestamp in " + precision.configValue());
        }
    }

    private static Object decimal(Object value, ColumnType column) {
        if (!(value instanceof Number)) {
            throw mismatch(value, "is not a number");
        }
        finite(value);
        BigDecimal exact = exact(value);
        BigDecimal scaled = exact.setScale(column.scale(), RoundingMode.HALF_UP);
        if (scaled.compareTo(exact) != 0) {
            throw mismatch(value, "has more than " + column.scale() + " fraction digits");
        }
        if (scaled.precision() - scaled.scale() > column.precision() - column.scale()) {
            throw mismatch(value, "has more integer digits than " + column.sql() + " holds");
        }
        return scaled;
    }

    private static BigDecimal exact(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (value instanceof Double || value instanceof Float) {
            finite(value);
            return new BigDecimal(value.toString());
        }
        return BigDecimal.valueOf(((Number) value).longValue());
    }

    private static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static ValueMismatch outOfRange(Object value, long min, long max) {
        return mismatch(value, "is out of range (" + min + " to " + max + ")");
    }

    private static ValueMismatch mismatch(Object value, String reason) {
        return new ValueMismatch(reason, value, -1);
    }

    /** A value that does not fit its column; {@link #length()} is its length when only the length is at fault. */
    public static final class ValueMismatch extends RuntimeException {

        private final transient Object value;
        private final int length;

        ValueMismatch(String reason, Object value, int length) {
            super(reason, null, false, false);
            this.value = value;
            this.length = length;
        }

        public Object value() {
            return value;
        }

        /** The value's length in a column too narrow for it, or -1 when something else is wrong. */
        public int length() {
            return length;
        }
    }
}
