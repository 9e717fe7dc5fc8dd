package com.taosdata.kafka.connect.schemas.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.schemas.TdengineType;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectSchemaMappingTest {

    @ParameterizedTest
    @CsvSource({
        "BOOL, BOOLEAN",
        "TINYINT, INT8",
        "SMALLINT, INT16",
        "INT, INT32",
        "BIGINT, INT64",
        "TINYINT UNSIGNED, INT16",
        "SMALLINT UNSIGNED, INT32",
        "INT UNSIGNED, INT64",
        "BIGINT UNSIGNED, BYTES",
        "FLOAT, FLOAT32",
        "DOUBLE, FLOAT64",
        "VARCHAR(10), STRING",
        "BINARY(10), STRING",
        "NCHAR(10), STRING",
        "JSON, STRING",
        "VARBINARY(10), BYTES",
        "GEOMETRY(100), BYTES",
        "'DECIMAL(10,2)', BYTES",
        "TIMESTAMP, INT64"
    })
    void everyTdengineTypeHasASchema(String type, Schema.Type connectType) {
        Schema schema = ConnectSchemaMapping.schemaFor(TdengineColumnType.parse(type), TimestampUnit.MS, true);
        assertThat(schema.type()).isEqualTo(connectType);
        assertThat(schema.isOptional()).isTrue();
        assertThat(schema.parameters())
                .containsEntry(
                        ConnectSchemaMapping.TYPE_PARAMETER,
                        TdengineColumnType.parse(type).toString());
    }

    @Test
    void timestampsAreLogicalInMillisecondDatabasesOnly() {
        TdengineColumnType ts = TdengineColumnType.of(TdengineType.TIMESTAMP);
        assertThat(ConnectSchemaMapping.schemaFor(ts, TimestampUnit.MS, false).name())
                .isEqualTo(Timestamp.LOGICAL_NAME);
        Schema nanos = ConnectSchemaMapping.schemaFor(ts, TimestampUnit.NS, false);
        assertThat(nanos.name()).isNull();
        assertThat(nanos.parameters()).containsEntry(ConnectSchemaMapping.PRECISION_PARAMETER, "ns");
        java.sql.Timestamp value = java.sql.Timestamp.from(Instant.ofEpochSecond(1_700_000_000L, 123_456_789));
        assertThat(ConnectSchemaMapping.toConnect(ts, value, TimestampUnit.NS)).isEqualTo(1_700_000_000_123_456_789L);
        assertThat(ConnectSchemaMapping.toConnect(ts, value, TimestampUnit.MS)).isEqualTo(new Date(1_700_000_000_123L));
        assertThat(ConnectSchemaMapping.toConnect(ts, 5L, TimestampUnit.US)).isEqualTo(5L);
    }

    @Test
    void unsignedValuesWidenWithoutLoss() {
        assertThat(ConnectSchemaMapping.toConnect(
                        TdengineColumnType.parse("TINYINT UNSIGNED"), (byte) -1, TimestampUnit.MS))
                .isEqualTo((short) 255);
        assertThat(ConnectSchemaMapping.toConnect(
                        TdengineColumnType.parse("SMALLINT UNSIGNED"), (short) -1, TimestampUnit.MS))
                .isEqualTo(65535);
        assertThat(ConnectSchemaMapping.toConnect(TdengineColumnType.parse("INT UNSIGNED"), -1, TimestampUnit.MS))
                .isEqualTo(4_294_967_295L);
        TdengineColumnType ubigint = TdengineColumnType.parse("BIGINT UNSIGNED");
        assertThat(ConnectSchemaMapping.toConnect(ubigint, -1L, TimestampUnit.MS))
                .isEqualTo(new BigDecimal("18446744073709551615"));
        assertThat(ConnectSchemaMapping.toConnect(ubigint, new BigInteger("18446744073709551615"), TimestampUnit.MS))
                .isEqualTo(new BigDecimal("18446744073709551615"));
        Schema schema = ConnectSchemaMapping.schemaFor(ubigint, TimestampUnit.MS, false);
        assertThat(schema.name()).isEqualTo(Decimal.LOGICAL_NAME);
        assertThat(schema.parameters()).containsEntry(Decimal.SCALE_FIELD, "0");
    }

    @Test
    void convertsTextBinaryAndDecimals() {
        assertThat(ConnectSchemaMapping.toConnect(
                        TdengineColumnType.parse("BINARY(5)"),
                        "héllo".getBytes(StandardCharsets.UTF_8),
                        TimestampUnit.MS))
                .isEqualTo("héllo");
        assertThat(ConnectSchemaMapping.toConnect(TdengineColumnType.parse("VARBINARY(5)"), "ab", TimestampUnit.MS))
                .isEqualTo(new byte[] {'a', 'b'});
        TdengineColumnType decimal = TdengineColumnType.parse("DECIMAL(10, 2)");
        assertThat(decimal.precision()).isEqualTo(10);
        assertThat(decimal.scale()).isEqualTo(2);
        assertThat(ConnectSchemaMapping.toConnect(decimal, new BigDecimal("1.5"), TimestampUnit.MS))
                .isEqualTo(new BigDecimal("1.50"));
        assertThat(ConnectSchemaMapping.toConnect(TdengineColumnType.parse("BOOL"), 1, TimestampUnit.MS))
                .isEqualTo(true);
        assertThat(ConnectSchemaMapping.toConnect(TdengineColumnType.parse("INT"), null, TimestampUnit.MS))
                .isNull();
    }

    @Test
    void parsesTypeNamesAndAliases() {
        assertThat(TdengineType.parse("int  unsigned")).isEqualTo(TdengineType.INT_UNSIGNED);
        assertThat(TdengineType.parse("UBIGINT")).isEqualTo(TdengineType.BIGINT_UNSIGNED);
        assertThat(TdengineType.parse("integer")).isEqualTo(TdengineType.INT);
        assertThat(TdengineColumnType.parse("nchar(20)").length()).isEqualTo(20);
        assertThatThrownBy(() -> TdengineType.parse("TEXT")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TdengineColumnType.parse("NCHAR(x)")).isInstanceOf(IllegalArgumentException.class);
    }
}
