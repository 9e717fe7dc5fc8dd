package com.taosdata.kafka.connect.source.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.schemas.TimestampUnit;
import java.math.BigDecimal;
import java.util.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StructFormatterTest {

    private static Struct allTypes(TimestampUnit precision) {
        Row row = Row.fromDriver(Fixtures.allTypes(precision), "d1001", Fixtures.allTypesRow());
        return (Struct) new StructFormatter().format(row).value();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "c_bool, BOOLEAN, , true",
        "c_i8, INT8, , -8",
        "c_i16, INT16, , -16",
        "c_i32, INT32, , -32",
        "c_i64, INT64, , -64",
        "c_u8, INT16, , 200",
        "c_u16, INT32, , 60000",
        "c_u32, INT64, , 4000000000",
        "c_u64, BYTES, org.apache.kafka.connect.data.Decimal, 18446744073709551615",
        "c_f32, FLOAT32, , 1.5",
        "c_f64, FLOAT64, , 2.25",
        "c_vc, STRING, , 'say \"hi\", x=1 \\o/'",
        "c_bin, STRING, , bin",
        "c_nc, STRING, , 中文 nchar",
        "c_dec, BYTES, org.apache.kafka.connect.data.Decimal, 12.34",
        "t_loc, STRING, , California.San Francisco",
        "t_grp, INT32, , 2",
        "t_json, STRING, , '{\"k\":1,\"v\":\"x y\"}'",
    })
    void typeMapsToItsConnectSchema(String field, Schema.Type type, String logicalName, String value) {
        Struct struct = allTypes(TimestampUnit.MS);
        Schema schema = struct.schema().field(field).schema();
        assertThat(schema.type()).isEqualTo(type);
        assertThat(schema.name()).isEqualTo(logicalName);
        assertThat(schema.isOptional()).isTrue();
        assertThat(String.valueOf(
                        struct.get(field) instanceof BigDecimal
                                ? ((BigDecimal) struct.get(field)).toPlainString()
                                : struct.get(field)))
                .isEqualTo(value);
    }

    @Test
    void binaryTypesAreBytes() {
        Struct struct = allTypes(TimestampUnit.MS);
        assertThat(struct.schema().field("c_vb").schema().type()).isEqualTo(Schema.Type.BYTES);
        assertThat(struct.getBytes("c_vb")).containsExactly(0x98, 0xf4, 0x6e);
        assertThat(struct.schema().field("c_geo").schema().type()).isEqualTo(Schema.Type.BYTES);
        assertThat(struct.getBytes("c_geo")).isEqualTo(Fixtures.point(1.5, -2));
    }

    @Test
    void decimalKeepsScaleAndPrecision() {
        Schema schema = allTypes(TimestampUnit.MS).schema().field("c_dec").schema();
        assertThat(schema.parameters())
                .containsEntry(Decimal.SCALE_FIELD, "2")
                .containsEntry("connect.decimal.precision", "10");
    }

    @Test
    void millisecondTimestampsAreConnectTimestampsAndTheKeyOneIsRequired() {
        Struct struct = allTypes(TimestampUnit.MS);
        Schema ts = struct.schema().field("ts").schema();
        assertThat(ts.name()).isEqualTo(Timestamp.LOGICAL_NAME);
        assertThat(ts.isOptional()).isFalse();
        assertThat(struct.get("ts")).isEqualTo(new Date(1_700_000_000_123L));
        assertThat(struct.schema().field("c_ts").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
    }

    @Test
    void nanosecondTimestampsStayIntegersSoNoDigitIsLost() {
        Struct struct = allTypes(TimestampUnit.NS);
        assertThat(struct.schema().field("ts").schema().type()).isEqualTo(Schema.Type.INT64);
        assertThat(struct.get("ts")).isEqualTo(1_700_000_000_123_000_000L);
    }

    @Test
    void tableNameLeadsAndSchemaIsNamedAfterDatabaseAndSuperTable() {
        Struct struct = allTypes(TimestampUnit.MS);
        assertThat(struct.schema().name()).isEqualTo("tdengine.power.meters");
        assertThat(struct.schema().fields().get(0).name()).isEqualTo("tbname");
        assertThat(struct.getString("tbname")).isEqualTo("d1001");
        assertThat(struct.schema().fields()).hasSize(1 + Fixtures.COLUMNS.length + Fixtures.TAGS.length);
    }

    @Test
    void rowsOfOneSuperTableShareOneSchema() {
        StructFormatter formatter = new StructFormatter();
        Schema first = formatter
                .format(Row.fromDriver(Fixtures.allTypes(TimestampUnit.MS), "d1", Fixtures.allTypesRow()))
                .schema();
        Schema second = formatter
                .format(Row.fromDriver(Fixtures.allTypes(TimestampUnit.MS), "d2", Fixtures.sparseRow()))
                .schema();
        assertThat(second).isSameAs(first);
    }
}
