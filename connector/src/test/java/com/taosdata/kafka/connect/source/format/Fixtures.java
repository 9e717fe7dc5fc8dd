package com.taosdata.kafka.connect.source.format;

import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.schemas.source.TdengineColumnType;
import com.taosdata.kafka.connect.source.table.ColumnDef;
import com.taosdata.kafka.connect.source.table.ColumnDef.Role;
import com.taosdata.kafka.connect.source.table.TableSchema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** A super table with a column of every TDengine type and three tags, and one row of it as the driver returns it. */
final class Fixtures {

    static final String[][] COLUMNS = {
        {"ts", "TIMESTAMP"},
        {"c_bool", "BOOL"},
        {"c_i8", "TINYINT"},
        {"c_i16", "SMALLINT"},
        {"c_i32", "INT"},
        {"c_i64", "BIGINT"},
        {"c_u8", "TINYINT UNSIGNED"},
        {"c_u16", "SMALLINT UNSIGNED"},
        {"c_u32", "INT UNSIGNED"},
        {"c_u64", "BIGINT UNSIGNED"},
        {"c_f32", "FLOAT"},
        {"c_f64", "DOUBLE"},
        {"c_vc", "VARCHAR(32)"},
        {"c_bin", "BINARY(16)"},
        {"c_nc", "NCHAR(16)"},
        {"c_vb", "VARBINARY(16)"},
        {"c_geo", "GEOMETRY(64)"},
        {"c_dec", "DECIMAL(10,2)"},
        {"c_ts", "TIMESTAMP"},
    };
    static final String[][] TAGS = {{"t_loc", "NCHAR(64)"}, {"t_grp", "INT"}, {"t_json", "JSON"}};

    private Fixtures() {}

    static TableSchema allTypes(TimestampUnit precision) {
        List<ColumnDef> columns = new ArrayList<>();
        for (int i = 0; i < COLUMNS.length; i++) {
            columns.add(new ColumnDef(
                    COLUMNS[i][0], TdengineColumnType.parse(COLUMNS[i][1]), i == 0 ? Role.TIMESTAMP : Role.COLUMN));
        }
        for (String[] tag : TAGS) {
            columns.add(new ColumnDef(tag[0], TdengineColumnType.parse(tag[1]), Role.TAG));
        }
        return new TableSchema("power", "meters", precision, columns);
    }

    /** Values as taos-jdbcdriver's getObject returns them; unsigned types come widened. */
    static Object[] allTypesRow() {
        return new Object[] {
            new Timestamp(1_700_000_000_123L),
            true,
            (byte) -8,
            (short) -16,
            -32,
            -64L,
            (short) 200,
            60_000,
            4_000_000_000L,
            new BigInteger("18446744073709551615"),
            1.5f,
            2.25d,
            "say \"hi\", x=1 \\o/",
            "bin",
            "中文 nchar",
            new byte[] {(byte) 0x98, (byte) 0xf4, 0x6e},
            point(1.5, -2),
            new BigDecimal("12.34"),
            new Timestamp(1_700_000_000_000L),
            "California.San Francisco",
            2,
            "{\"k\":1,\"v\":\"x y\"}",
        };
    }

    /** The row with every column but the timestamp and one value null. */
    static Object[] sparseRow() {
        Object[] row = new Object[COLUMNS.length + TAGS.length];
        row[0] = new Timestamp(1_700_000_000_123L);
        row[4] = 7;
        row[COLUMNS.length] = "x";
        return row;
    }

    static byte[] point(double x, double y) {
        return ByteBuffer.allocate(21)
                .order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) 1)
                .putInt(1)
                .putDouble(x)
                .putDouble(y)
                .array();
    }
}
