package com.taosdata.kafka.connect.sink.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.schemas.TdengineType;
import org.junit.jupiter.api.Test;

/** Column types as {@code DESCRIBE} prints them and as DDL spells them. */
class ColumnTypeTest {

    @Test
    void describedTypesAreReadWithTheirLengthOrPrecisionAndScale() {
        assertThat(ColumnType.described("DECIMAL(10, 2)", 8)).isEqualTo(ColumnType.decimal(10, 2));
        assertThat(ColumnType.described("VARCHAR", 64)).isEqualTo(ColumnType.sized(TdengineType.VARCHAR, 64));
        assertThat(ColumnType.described("BINARY", 64)).isEqualTo(ColumnType.sized(TdengineType.VARCHAR, 64));
        assertThat(ColumnType.described("NCHAR", 16)).isEqualTo(ColumnType.sized(TdengineType.NCHAR, 16));
        assertThat(ColumnType.described("BIGINT UNSIGNED", 8)).isEqualTo(ColumnType.of(TdengineType.BIGINT_UNSIGNED));
        assertThat(ColumnType.described("TIMESTAMP", 8)).isEqualTo(ColumnType.of(TdengineType.TIMESTAMP));
    }

    @Test
    void aDecimalWithoutPrecisionAndScaleIsRefused() {
        assertThatThrownBy(() -> ColumnType.described("DECIMAL", 16)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ddlSpellsLengthsAndPrecisionAndScale() {
        assertThat(ColumnType.decimal(38, 3).sql()).isEqualTo("DECIMAL(38,3)");
        assertThat(ColumnType.sized(TdengineType.VARBINARY, 100).sql()).isEqualTo("VARBINARY(100)");
        assertThat(ColumnType.of(TdengineType.INT_UNSIGNED).sql()).isEqualTo("INT UNSIGNED");
    }
}
