package com.taosdata.kafka.connect.source.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.schemas.source.TdengineColumnType;
import com.taosdata.kafka.connect.source.table.ColumnDef;
import com.taosdata.kafka.connect.source.table.ColumnDef.Role;
import com.taosdata.kafka.connect.source.table.TableSchema;
import java.sql.Timestamp;
import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class LineFormatterTest {

    private final LineFormatter nanos = new LineFormatter(TimestampUnit.NS);

    @Test
    void everyTypeMatchesTheGoldenLine() {
        Row row = Row.fromDriver(Fixtures.allTypes(TimestampUnit.MS), "d1001", Fixtures.allTypesRow());
        FormattedValue value = nanos.format(row);
        assertThat(value.schema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(value.value()).isEqualTo(Golden.read("all-types.line"));
    }

    @Test
    void nullColumnsAndTagsAreLeftOut() {
        Row row = Row.fromDriver(Fixtures.allTypes(TimestampUnit.MS), "d1001", Fixtures.sparseRow());
        assertThat(nanos.format(row).value()).isEqualTo("meters,t_loc=x c_i32=7i32 1700000000123000000");
    }

    @Test
    void timestampIsWrittenInDataPrecision() {
        Row row = Row.fromDriver(Fixtures.allTypes(TimestampUnit.MS), "d1001", Fixtures.sparseRow());
        assertThat(new LineFormatter(TimestampUnit.MS).format(row).value())
                .asString()
                .endsWith(" 1700000000123");
    }

    @Test
    void normalTableIsItsOwnMeasurementWithoutTags() {
        TableSchema schema = new TableSchema(
                "power",
                "my table",
                TimestampUnit.MS,
                List.of(
                        new ColumnDef("ts", TdengineColumnType.parse("TIMESTAMP"), Role.TIMESTAMP),
                        new ColumnDef("v", TdengineColumnType.parse("DOUBLE"), Role.COLUMN)));
        Row row = Row.fromDriver(schema, "my table", new Object[] {new Timestamp(5), 1e-7});
        assertThat(nanos.format(row).value()).isEqualTo("my\\ table v=0.0000001f64 5000000");
    }

    @Test
    void rowWithOnlyNullColumnsCannotBeALine() {
        Object[] raw = Fixtures.sparseRow();
        raw[4] = null;
        Row row = Row.fromDriver(Fixtures.allTypes(TimestampUnit.MS), "d1001", raw);
        assertThatThrownBy(() -> nanos.format(row))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("power.d1001")
                .hasMessageContaining("out.format=json");
    }

    @Test
    void lineBreakInAStringColumnIsWrittenRawInsideItsQuotes() {
        Object[] raw = Fixtures.sparseRow();
        raw[12] = "two\nlines";
        Row row = Row.fromDriver(Fixtures.allTypes(TimestampUnit.MS), "d1001", raw);
        assertThat(nanos.format(row).value())
                .isEqualTo("meters,t_loc=x c_i32=7i32,c_vc=\"two\nlines\" 1700000000123000000");
    }

    @Test
    void lineBreakInATagIsRejectedNotWrittenBroken() {
        Object[] raw = Fixtures.sparseRow();
        raw[Fixtures.COLUMNS.length] = "two\nlines";
        Row row = Row.fromDriver(Fixtures.allTypes(TimestampUnit.MS), "d1001", raw);
        assertThatThrownBy(() -> nanos.format(row))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("line break");
    }

    @Test
    void backslashesInATagAreDoubledAsTDengineUnescapesThem() {
        Object[] raw = Fixtures.sparseRow();
        raw[Fixtures.COLUMNS.length] = "C:\\dir, x\\";
        Row row = Row.fromDriver(Fixtures.allTypes(TimestampUnit.MS), "d1001", raw);
        assertThat(nanos.format(row).value())
                .isEqualTo("meters,t_loc=C:\\\\dir\\,\\ x\\\\ c_i32=7i32 1700000000123000000");
    }

    @Test
    void aBackslashBeforeASpaceInATagHasNoLineForm() {
        Object[] raw = Fixtures.sparseRow();
        raw[Fixtures.COLUMNS.length] = "a\\ b";
        Row row = Row.fromDriver(Fixtures.allTypes(TimestampUnit.MS), "d1001", raw);
        assertThatThrownBy(() -> nanos.format(row))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("backslash before ' '");
    }

    @Test
    void notANumberHasNoLineForm() {
        Object[] raw = Fixtures.sparseRow();
        raw[11] = Double.NaN;
        Row row = Row.fromDriver(Fixtures.allTypes(TimestampUnit.MS), "d1001", raw);
        assertThatThrownBy(() -> nanos.format(row))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("NaN");
    }

    @Test
    void eachRowOfASchemaGetsItsOwnTagValues() {
        TableSchema schema = Fixtures.allTypes(TimestampUnit.MS);
        Object[] other = Fixtures.sparseRow();
        other[Fixtures.COLUMNS.length] = "y";
        assertThat(nanos.format(Row.fromDriver(schema, "d1001", Fixtures.sparseRow()))
                        .value())
                .isEqualTo("meters,t_loc=x c_i32=7i32 1700000000123000000");
        assertThat(nanos.format(Row.fromDriver(schema, "d1001", other)).value())
                .isEqualTo("meters,t_loc=y c_i32=7i32 1700000000123000000");
        assertThat(nanos.format(Row.fromDriver(schema, "d1002", Fixtures.sparseRow()))
                        .value())
                .isEqualTo("meters,t_loc=x c_i32=7i32 1700000000123000000");
    }

    @Test
    void aTableDescribedAgainIsWrittenWithItsNewNames() {
        Row before = Row.fromDriver(meters("v", "loc"), "d1", new Object[] {new Timestamp(5), 1.5, "x"});
        Row after = Row.fromDriver(meters("w", "place"), "d1", new Object[] {new Timestamp(5), 1.5, "x"});
        assertThat(nanos.format(before).value()).isEqualTo("meters,loc=x v=1.5f64 5000000");
        assertThat(nanos.format(after).value()).isEqualTo("meters,place=x w=1.5f64 5000000");
    }

    @Test
    void aColumnNameWithoutLineFormFailsEveryRowOfItsTable() {
        TableSchema schema = meters("two\nlines", "loc");
        for (int i = 0; i < 2; i++) {
            Row row = Row.fromDriver(schema, "d1", new Object[] {new Timestamp(5), 1.5, "x"});
            assertThatThrownBy(() -> nanos.format(row))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("field key contains a line break");
        }
    }

    private static TableSchema meters(String column, String tag) {
        return new TableSchema(
                "power",
                "meters",
                TimestampUnit.MS,
                List.of(
                        new ColumnDef("ts", TdengineColumnType.parse("TIMESTAMP"), Role.TIMESTAMP),
                        new ColumnDef(column, TdengineColumnType.parse("DOUBLE"), Role.COLUMN),
                        new ColumnDef(tag, TdengineColumnType.parse("NCHAR(8)"), Role.TAG)));
    }
}
