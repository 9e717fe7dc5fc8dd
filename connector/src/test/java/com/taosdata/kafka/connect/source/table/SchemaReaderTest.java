package com.taosdata.kafka.connect.source.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.schemas.TdengineType;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.testing.FakeJdbc;
import java.util.List;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

class SchemaReaderTest {

    private final SchemaReader reader = new SchemaReader("power");

    @Test
    void describeSplitsColumnsAndTagsAndKeepsDeclaredSizes() {
        FakeJdbc jdbc = new FakeJdbc()
                .thenRows(List.of(
                        new Object[] {"ts", "TIMESTAMP", 8, ""},
                        new Object[] {"current", "FLOAT", 4, ""},
                        new Object[] {"name", "VARCHAR", 20, ""},
                        new Object[] {"price", "DECIMAL(10, 2)", 8, ""},
                        new Object[] {"location", "NCHAR", 64, "TAG"}));
        TableSchema schema = reader.describe(jdbc.connection(), SourceTable.superTable("meters"), TimestampUnit.MS);
        assertThat(jdbc.lastStatement()).isEqualTo("DESCRIBE `power`.`meters`");
        assertThat(schema.measurement()).isEqualTo("meters");
        assertThat(schema.columns())
                .extracting(ColumnDef::role)
                .containsExactly(
                        ColumnDef.Role.TIMESTAMP,
                        ColumnDef.Role.COLUMN,
                        ColumnDef.Role.COLUMN,
                        ColumnDef.Role.COLUMN,
                        ColumnDef.Role.TAG);
        assertThat(schema.columns())
                .extracting(c -> c.type().toString())
                .containsExactly("TIMESTAMP", "FLOAT", "VARCHAR(20)", "DECIMAL(10,2)", "NCHAR(64)");
        assertThat(schema.compositeKey()).isEmpty();
    }

    @Test
    void compositeKeyIsRecognised() {
        FakeJdbc jdbc = new FakeJdbc()
                .thenRows(List.of(
                        new Object[] {"ts", "TIMESTAMP", 8, ""}, new Object[] {"seq", "INT", 4, "COMPOSITE KEY"}));
        TableSchema schema = reader.describe(jdbc.connection(), SourceTable.normal("events"), TimestampUnit.US);
        assertThat(schema.compositeKey()).map(ColumnDef::name).contains("seq");
        assertThat(schema.columns().get(1).type().type()).isEqualTo(TdengineType.INT);
    }

    @Test
    void unknownTypeNamesTableAndColumn() {
        FakeJdbc jdbc = new FakeJdbc()
                .thenRows(List.of(new Object[] {"ts", "TIMESTAMP", 8, ""}, new Object[] {"blob", "BLOB", 4, ""}));
        assertThatThrownBy(() -> reader.describe(jdbc.connection(), SourceTable.normal("t"), TimestampUnit.MS))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("column blob of power.t has type BLOB");
    }
}
