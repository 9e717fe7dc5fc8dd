package com.taosdata.kafka.connect.sink.table;

import com.taosdata.kafka.connect.schemas.TdengineType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column's declared type: TDengine's type with its length (VARCHAR, NCHAR, VARBINARY: bytes or characters) or its
 * precision and scale (DECIMAL).
 */
public record ColumnType(TdengineType type, int length, int precision, int scale) {

    private static final Pattern PRECISION_SCALE = Pattern.compile("\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");

    public static ColumnType of(TdengineType type) {
        return new ColumnType(type, 0, 0, 0);
    }

    public static ColumnType sized(TdengineType type, int length) {
        return new ColumnType(type, length, 0, 0);
    }

    public static ColumnType decimal(int precision, int scale) {
        return new ColumnType(TdengineType.DECIMAL, 0, precision, scale);
    }

    /**
     * The type as {@code DESCRIBE} prints it: the type name in {@code type} (DECIMAL with its precision and scale),
     * the length of a VARCHAR, NCHAR or VARBINARY in {@code length}. BINARY is VARCHAR's old name.
     */
    public static ColumnType described(String typeText, int length) {
        TdengineType type = TdengineType.parse(typeText);
        if (type == TdengineType.BINARY) {
            type = TdengineType.VARCHAR;
        }
        if (type == TdengineType.DECIMAL) {
            Matcher m = PRECISION_SCALE.matcher(typeText);
            if (!m.find()) {
                throw new IllegalArgumentException("DECIMAL without precision and scale: " + typeText);
            }
            return decimal(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        return isSized(type) ? sized(type, length) : of(type);
    }

    /** Whether values of this type have a declared length. */
    public boolean isSized() {
        return isSized(type);
    }

    private static boolean isSized(TdengineType type) {
        return switch (type) {
            case VARCHAR, BINARY, NCHAR, VARBINARY, GEOMETRY -> true;
            default -> false;
        };
    }

    /** The type as DDL spells it: {@code INT}, {@code VARCHAR(64)}, {@code DECIMAL(10,2)}. */
    public String sql() {
        if (type == TdengineType.DECIMAL) {
            return "DECIMAL(" + precision + "," + scale + ")";
        }
        return isSized() ? type.sqlName() + "(" + length + ")" : type.sqlName();
    }

    @Override
    public String toString() {
        return sql();
    }
}
