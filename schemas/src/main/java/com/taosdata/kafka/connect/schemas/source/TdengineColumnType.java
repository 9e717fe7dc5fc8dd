package com.taosdata.kafka.connect.schemas.source;

import com.taosdata.kafka.connect.schemas.TdengineType;
import java.util.Objects;

/**
 * A TDengine column type with its arguments, as DESCRIBE or JDBC metadata show it: {@code NCHAR(20)} has length
 * 20, {@code DECIMAL(10,2)} precision 10 and scale 2. Arguments a type does not take are 0.
 */
public final class TdengineColumnType {

    private final TdengineType type;
    private final int length;
    private final int precision;
    private final int scale;

    public TdengineColumnType(TdengineType type, int length, int precision, int scale) {
        this.type = Objects.requireNonNull(type, "type");
        this.length = length;
        this.precision = precision;
        this.scale = scale;
    }

    /** A type without arguments, e.g. {@code BIGINT UNSIGNED}. */
    public static TdengineColumnType of(TdengineType type) {
        return new TdengineColumnType(type, 0, 0, 0);
    }

    /**
     * Parses {@code INT UNSIGNED}, {@code VARCHAR(64)}, {@code DECIMAL(18,4)} and the like.
     *
     * @throws IllegalArgumentException for text that names no TDengine type or has malformed arguments
     */
    public static TdengineColumnType parse(String text) {
        TdengineType type = TdengineType.parse(text);
        int open = text.indexOf('(');
        if (open < 0) {
            return of(type);
        }
        int close = text.indexOf(')', open);
        if (close < 0) {
            throw new IllegalArgumentException("Unbalanced parenthesis in TDengine type: " + text);
        }
        String[] args = text.substring(open + 1, close).split(",");
        try {
            int first = Integer.parseInt(args[0].trim());
            if (type == TdengineType.DECIMAL) {
                int scale = args.length > 1 ? Integer.parseInt(args[1].trim()) : 0;
                return new TdengineColumnType(type, 0, first, scale);
            }
            return new TdengineColumnType(type, first, 0, 0);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Malformed arguments in TDengine type: " + text, e);
        }
    }

    public TdengineType type() {
        return type;
    }

    /** Declared length of VARCHAR, BINARY, NCHAR, VARBINARY and GEOMETRY columns. */
    public int length() {
        return length;
    }

    /** Total digits of a DECIMAL column. */
    public int precision() {
        return precision;
    }

    /** Digits after the point of a DECIMAL column. */
    public int scale() {
        return scale;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TdengineColumnType)) {
            return false;
        }
        TdengineColumnType other = (TdengineColumnType) o;
        return type == other.type && length == other.length && precision == other.precision && scale == other.scale;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, length, precision, scale);
    }

    @Override
    public String toString() {
        if (type == TdengineType.DECIMAL) {
            return type.sqlName() + "(" + precision + "," + scale + ")";
        }
        return length > 0 ? type.sqlName() + "(" + length + ")" : type.sqlName();
    }
}
