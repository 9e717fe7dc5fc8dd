package com.taosdata.kafka.connect.schemas.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.schemas.ArrayEncoding;
import com.taosdata.kafka.connect.schemas.BytesEncoding;
import com.taosdata.kafka.connect.schemas.RenderOptions;
import com.taosdata.kafka.connect.schemas.StringType;
import com.taosdata.kafka.connect.schemas.SuffixStyle;
import com.taosdata.kafka.connect.schemas.TdengineType;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ColumnMappingTest {

    private static final RenderOptions TD = RenderOptions.DEFAULTS;
    private static final RenderOptions INFLUX = new RenderOptions(
            SuffixStyle.INFLUX, StringType.VARCHAR, TimestampUnit.NS, BytesEncoding.NONE, ArrayEncoding.NONE);

    static Stream<Arguments> types() {
        return Stream.of(
                Arguments.of(Schema.INT8_SCHEMA, (byte) -8, "-8i8", "-8i", TdengineType.TINYINT),
                Arguments.of(Schema.INT16_SCHEMA, (short) 300, "300i16", "300i", TdengineType.SMALLINT),
                Arguments.of(Schema.INT32_SCHEMA, 70000, "70000i32", "70000i", TdengineType.INT),
                Arguments.of(
                        Schema.INT64_SCHEMA,
                        Long.MIN_VALUE,
                        Long.MIN_VALUE + "i64",
                        Long.MIN_VALUE + "i",
                        TdengineType.BIGINT),
                Arguments.of(Schema.FLOAT32_SCHEMA, 0.1f, "0.1f32", "0.1", TdengineType.FLOAT),
                Arguments.of(Schema.FLOAT64_SCHEMA, 220.5, "220.5f64", "220.5", TdengineType.DOUBLE),
                Arguments.of(Schema.BOOLEAN_SCHEMA, true, "true", "true", TdengineType.BOOL),
                Arguments.of(Schema.BOOLEAN_SCHEMA, false, "false", "false", TdengineType.BOOL),
                Arguments.of(Schema.STRING_SCHEMA, "abc", "\"abc\"", "\"abc\"", TdengineType.VARCHAR),
                Arguments.of(Decimal.schema(2), new BigDecimal("12.34"), "12.34f64", "12.34", TdengineType.DOUBLE),
                Arguments.of(
                        Timestamp.SCHEMA,
                        new Date(1_700_000_000_123L),
                        "1700000000123000000i64",
                        "1700000000123000000i",
                        TdengineType.BIGINT),
                Arguments.of(
                        org.apache.kafka.connect.data.Date.SCHEMA,
                        new Date(86_400_000L),
                        "86400000000000i64",
                        "86400000000000i",
                        TdengineType.BIGINT),
                Arguments.of(
                        Time.SCHEMA, new Date(3_600_000L), "3600000000000i64", "3600000000000i", TdengineType.BIGINT));
    }

    @ParameterizedTest
    @MethodSource("types")
    void rendersEveryTypeInBothSuffixStyles(
            Schema schema, Object value, String tdengine, String influx, TdengineType column) {
        ColumnMapping mapping = ColumnMapping.forSchema(schema);
        assertThat(line(mapping, value, TD)).isEqualTo(tdengine);
        assertThat(line(mapping, value, INFLUX)).isEqualTo(influx);
        assertThat(mapping.columnType(TD)).isEqualTo(column);
    }

    @Test
    void influxStyleWidensColumnTypes() {
        assertThat(ColumnMapping.forSchema(Schema.INT8_SCHEMA).columnType(INFLUX))
                .isEqualTo(TdengineType.BIGINT);
        assertThat(ColumnMapping.forSchema(Schema.FLOAT32_SCHEMA).columnType(INFLUX))
                .isEqualTo(TdengineType.DOUBLE);
    }

    @Test
    void temporalValuesFollowThePrecision() {
        ColumnMapping mapping = ColumnMapping.forSchema(Timestamp.SCHEMA);
        Date date = new Date(1_700_000_000_123L);
        assertThat(line(mapping, date, precision(TimestampUnit.MS))).isEqualTo("1700000000123i64");
        assertThat(line(mapping, date, precision(TimestampUnit.US))).isEqualTo("1700000000123000i64");
    }

    @Test
    void temporalOverflowIsRejected() {
        ColumnMapping mapping = ColumnMapping.forSchema(Timestamp.SCHEMA);
        assertThatThrownBy(() -> line(mapping, new Date(Long.MAX_VALUE / 10), TD))
                .isInstanceOf(UnsupportedValueException.class)
                .hasMessageContaining("does not fit");
    }

    @Test
    void ncharStringsArePrefixedAndEscaped() {
        ColumnMapping mapping = ColumnMapping.forSchema(Schema.STRING_SCHEMA);
        RenderOptions nchar = new RenderOptions(
                SuffixStyle.TDENGINE, StringType.NCHAR, TimestampUnit.NS, BytesEncoding.NONE, ArrayEncoding.NONE);
        assertThat(line(mapping, "say \"hi\" \\o/", nchar)).isEqualTo("L\"say \\\"hi\\\" \\\\o/\"");
        assertThat(mapping.columnType(nchar)).isEqualTo(TdengineType.NCHAR);
    }

    @Test
    void nonFiniteNumbersAreRejected() {
        for (Object value : List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)) {
            assertThatThrownBy(() -> line(ColumnMapping.forSchema(Schema.FLOAT64_SCHEMA), value, TD))
                    .isInstanceOf(UnsupportedValueException.class)
                    .hasMessageContaining("not a finite number");
        }
        assertThatThrownBy(() -> line(ColumnMapping.forSchema(Schema.FLOAT32_SCHEMA), Float.NaN, TD))
                .isInstanceOf(UnsupportedValueException.class);
        assertThatThrownBy(() -> line(ColumnMapping.forSchema(Decimal.schema(0)), new BigDecimal("1e400"), TD))
                .isInstanceOf(UnsupportedValueException.class);
    }

    @Test
    void bytesNeedAnEncoding() {
        ColumnMapping mapping = ColumnMapping.forSchema(Schema.BYTES_SCHEMA);
        byte[] bytes = "hi?".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> line(mapping, bytes, TD))
                .isInstanceOf(UnsupportedValueException.class)
                .hasMessageContaining("bytes.encoding");
        assertThat(line(mapping, bytes, bytes(BytesEncoding.BASE64))).isEqualTo("\"aGk/\"");
        assertThat(line(mapping, ByteBuffer.wrap(bytes), bytes(BytesEncoding.HEX)))
                .isEqualTo("\"68693f\"");
    }

    @Test
    void arraysNeedJsonEncoding() {
        ColumnMapping mapping =
                ColumnMapping.forSchema(org.apache.kafka.connect.data.SchemaBuilder.array(Schema.STRING_SCHEMA)
                        .build());
        List<String> value = List.of("a\"b", "c");
        assertThatThrownBy(() -> line(mapping, value, TD))
                .isInstanceOf(UnsupportedValueException.class)
                .hasMessageContaining("array.encoding");
        assertThat(line(
                        mapping,
                        value,
                        new RenderOptions(
                                SuffixStyle.TDENGINE,
                                StringType.VARCHAR,
                                TimestampUnit.NS,
                                BytesEncoding.NONE,
                                ArrayEncoding.JSON)))
                .isEqualTo("\"[\\\"a\\\\\\\"b\\\",\\\"c\\\"]\"");
    }

    @Test
    void plainValuesHaveNoSuffixOrQuotes() {
        StringBuilder out = new StringBuilder();
        ColumnMapping.forSchema(Schema.INT8_SCHEMA).appendPlainValue(out, (byte) 3, TD);
        out.append('|');
        ColumnMapping.forSchema(Schema.STRING_SCHEMA).appendPlainValue(out, "a \"b\"", TD);
        assertThat(out).hasToString("3|a \"b\"");
    }

    @Test
    void containersHaveNoMapping() {
        assertThat(ColumnMapping.isContainer(
                        org.apache.kafka.connect.data.SchemaBuilder.struct().build()))
                .isTrue();
        assertThatThrownBy(() -> ColumnMapping.forSchema(
                        org.apache.kafka.connect.data.SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA)
                                .build()))
                .isInstanceOf(UnsupportedValueException.class);
    }

    @Test
    void mapsAndStructsAreContainerValuesAndEveryLeafIsNot() {
        Schema point =
                SchemaBuilder.struct().field("lat", Schema.FLOAT64_SCHEMA).build();
        assertThat(ColumnMapping.isContainer(Map.of("a", 1))).isTrue();
        assertThat(ColumnMapping.isContainer(new Struct(point).put("lat", 1.0))).isTrue();
        for (Object leaf : new Object[] {
            "text", 1, 2L, 3.5, 1.5f, (short) 4, (byte) 5, true, BigDecimal.ONE, new Date(0), new byte[] {1}, List.of(1)
        }) {
            assertThat(ColumnMapping.isContainer(leaf))
                    .as("%s", leaf.getClass())
                    .isFalse();
        }
    }

    @Test
    void aStringFieldValueMayBeAnyCharSequence() {
        StringBuilder out = new StringBuilder();
        ColumnMapping.STRING.appendLineValue(out, new StringBuilder("a \"b\""), TD);
        out.append('|');
        ColumnMapping.STRING.appendLineValue(out, "a \"b\"", TD);
        assertThat(out).hasToString("\"a \\\"b\\\"\"|\"a \\\"b\\\"\"");
    }

    @Test
    void schemalessValuesMapByClassLikeTheirSchemas() {
        assertThat(ColumnMapping.forValue((byte) 1)).isSameAs(ColumnMapping.forSchema(Schema.INT8_SCHEMA));
        assertThat(ColumnMapping.forValue((short) 1)).isSameAs(ColumnMapping.forSchema(Schema.INT16_SCHEMA));
        assertThat(ColumnMapping.forValue(1)).isSameAs(ColumnMapping.forSchema(Schema.INT32_SCHEMA));
        assertThat(ColumnMapping.forValue(1L)).isSameAs(ColumnMapping.forSchema(Schema.INT64_SCHEMA));
        assertThat(ColumnMapping.forValue(1f)).isSameAs(ColumnMapping.forSchema(Schema.FLOAT32_SCHEMA));
        assertThat(ColumnMapping.forValue(1d)).isSameAs(ColumnMapping.forSchema(Schema.FLOAT64_SCHEMA));
        assertThat(ColumnMapping.forValue(true)).isSameAs(ColumnMapping.forSchema(Schema.BOOLEAN_SCHEMA));
        assertThat(ColumnMapping.forValue("s")).isSameAs(ColumnMapping.forSchema(Schema.STRING_SCHEMA));
        assertThat(ColumnMapping.forValue(BigDecimal.ONE)).isSameAs(ColumnMapping.forSchema(Decimal.schema(0)));
        assertThat(ColumnMapping.forValue(new Date())).isSameAs(ColumnMapping.forSchema(Timestamp.SCHEMA));
        assertThat(ColumnMapping.forValue(new byte[0])).isSameAs(ColumnMapping.forSchema(Schema.BYTES_SCHEMA));
        assertThatThrownBy(() -> ColumnMapping.forValue(new Object())).isInstanceOf(UnsupportedValueException.class);
    }

    private static RenderOptions precision(TimestampUnit unit) {
        return new RenderOptions(
                SuffixStyle.TDENGINE, StringType.VARCHAR, unit, BytesEncoding.NONE, ArrayEncoding.NONE);
    }

    private static RenderOptions bytes(BytesEncoding encoding) {
        return new RenderOptions(
                SuffixStyle.TDENGINE, StringType.VARCHAR, TimestampUnit.NS, encoding, ArrayEncoding.NONE);
    }

    private static String line(ColumnMapping mapping, Object value, RenderOptions options) {
        StringBuilder out = new StringBuilder();
        mapping.appendLineValue(out, value, options);
        return out.toString();
    }
}
