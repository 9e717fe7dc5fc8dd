package com.taosdata.kafka.connect.sink.row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.schemas.StringType;
import com.taosdata.kafka.connect.schemas.TdengineType;
import com.taosdata.kafka.connect.schemas.mapping.ColumnMapping;
import com.taosdata.kafka.connect.sink.table.ColumnType;
import com.taosdata.kafka.connect.sink.table.StableColumn;
import com.taosdata.kafka.connect.sink.table.StableSchema;
import com.taosdata.kafka.connect.transforms.point.Point;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Date;
import java.util.List;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

/** The columns a new super table gets from a record, and the changes an existing one needs to take it. */
class SchemaEvolutionTest {

    private final SchemaEvolution varchar64 = new SchemaEvolution(StringType.VARCHAR, 64);

    private static StableColumn column(String name, ColumnType type) {
        return new StableColumn(name, type, false);
    }

    private static StableColumn tag(String name, ColumnType type) {
        return new StableColumn(name, type, true);
    }

    private static Point withTag() {
        Point point = new Point();
        point.addTag("location", ColumnMapping.STRING, "SF");
        return point;
    }

    private static final StableSchema METERS = new StableSchema(
            "power",
            "meters",
            List.of(
                    column("ts", ColumnType.of(TdengineType.TIMESTAMP)),
                    column("current", ColumnType.of(TdengineType.FLOAT)),
                    column("phase", ColumnType.sized(TdengineType.VARCHAR, 10)),
                    column("note", ColumnType.sized(TdengineType.NCHAR, 4)),
                    column("raw", ColumnType.sized(TdengineType.VARBINARY, 8)),
                    tag("location", ColumnType.sized(TdengineType.VARCHAR, 16))));

    @Test
    void aNewTableHasTheTimestampFirstThenAColumnPerFieldThenATagPerTag() {
        Point point = new Point();
        point.addTag("Location", ColumnMapping.STRING, "SF");
        point.addField("Current", ColumnMapping.FLOAT32, 10.3f);
        point.addTag("groupid", ColumnMapping.INT32, 2);
        point.addField("voltage", ColumnMapping.INT32, 219);

        assertThat(varchar64.initial(point, "meters"))
                .containsExactly(
                        column("ts", ColumnType.of(TdengineType.TIMESTAMP)),
                        column("current", ColumnType.of(TdengineType.FLOAT)),
                        column("voltage", ColumnType.of(TdengineType.INT)),
                        tag("location", ColumnType.sized(TdengineType.VARCHAR, 64)),
                        tag("groupid", ColumnType.of(TdengineType.INT)));
    }

    @Test
    void everyConnectTypeGetsItsExactColumnType() {
        Point point = withTag();
        point.addField("i8", ColumnMapping.INT8, (byte) 1);
        point.addField("i16", ColumnMapping.INT16, (short) 1);
        point.addField("i32", ColumnMapping.INT32, 1);
        point.addField("i64", ColumnMapping.INT64, 1L);
        point.addField("f32", ColumnMapping.FLOAT32, 1f);
        point.addField("f64", ColumnMapping.FLOAT64, 1.0);
        point.addField("flag", ColumnMapping.BOOLEAN, true);
        point.addField("text", ColumnMapping.STRING, "x");
        point.addField("raw", ColumnMapping.BYTES, new byte[] {1, 2});
        point.addField("amount", ColumnMapping.DECIMAL, new BigDecimal("12.345"));
        point.addField("at", ColumnMapping.TIMESTAMP, new Date(1L));
        point.addField("day", ColumnMapping.DATE, new Date(0L));
        point.addField("time_of_day", ColumnMapping.TIME, new Date(5L));

        assertThat(varchar64.initial(point, "meters"))
                .containsExactly(
                        column("ts", ColumnType.of(TdengineType.TIMESTAMP)),
                        column("i8", ColumnType.of(TdengineType.TINYINT)),
                        column("i16", ColumnType.of(TdengineType.SMALLINT)),
                        column("i32", ColumnType.of(TdengineType.INT)),
                        column("i64", ColumnType.of(TdengineType.BIGINT)),
                        column("f32", ColumnType.of(TdengineType.FLOAT)),
                        column("f64", ColumnType.of(TdengineType.DOUBLE)),
                        column("flag", ColumnType.of(TdengineType.BOOL)),
                        column("text", ColumnType.sized(TdengineType.VARCHAR, 64)),
                        column("raw", ColumnType.sized(TdengineType.VARBINARY, 64)),
                        column("amount", ColumnType.decimal(38, 3)),
                        column("at", ColumnType.of(TdengineType.TIMESTAMP)),
                        column("day", ColumnType.of(TdengineType.TIMESTAMP)),
                        column("time_of_day", ColumnType.of(TdengineType.BIGINT)),
                        tag("location", ColumnType.sized(TdengineType.VARCHAR, 64)));
    }

    @Test
    void stringsAreNcharWhenConfigured() {
        Point point = withTag();
        point.addField("text", ColumnMapping.STRING, "x");

        assertThat(new SchemaEvolution(StringType.NCHAR, 20).initial(point, "meters"))
                .containsExactly(
                        column("ts", ColumnType.of(TdengineType.TIMESTAMP)),
                        column("text", ColumnType.sized(TdengineType.NCHAR, 20)),
                        tag("location", ColumnType.sized(TdengineType.NCHAR, 20)));
    }

    @Test
    void aDecimalWithoutFractionOrWithANegativeScaleGetsScaleZero() {
        Point point = withTag();
        point.addField("whole", ColumnMapping.DECIMAL, new BigDecimal("12"));
        point.addField("thousands", ColumnMapping.DECIMAL, new BigDecimal("1E+3"));

        assertThat(varchar64.initial(point, "meters"))
                .contains(column("whole", ColumnType.decimal(38, 0)), column("thousands", ColumnType.decimal(38, 0)));
    }

    /** TDengine refuses DECIMAL tags: a Decimal tag is kept as its text. */
    @Test
    void aDecimalTagIsAStringTag() {
        Point point = new Point();
        point.addTag("price", ColumnMapping.DECIMAL, new BigDecimal("12.50"));

        assertThat(varchar64.initial(point, "meters"))
                .containsExactly(
                        column("ts", ColumnType.of(TdengineType.TIMESTAMP)),
                        tag("price", ColumnType.sized(TdengineType.VARCHAR, 64)));
        assertThat(new SchemaEvolution(StringType.NCHAR, 8).changes(METERS, point))
                .containsExactly(tag("price", ColumnType.sized(TdengineType.NCHAR, 8)));
    }

    @Test
    void stringsAndBytesLongerThanStringLengthGetTheirOwnLength() {
        Point point = withTag();
        point.addField("text", ColumnMapping.STRING, "北".repeat(30));
        point.addField("raw", ColumnMapping.BYTES, ByteBuffer.wrap(new byte[100]));

        assertThat(varchar64.initial(point, "meters"))
                .contains(
                        column("text", ColumnType.sized(TdengineType.VARCHAR, 90)),
                        column("raw", ColumnType.sized(TdengineType.VARBINARY, 100)));
        assertThat(new SchemaEvolution(StringType.NCHAR, 10).initial(point, "meters"))
                .contains(column("text", ColumnType.sized(TdengineType.NCHAR, 30)));
    }

    @Test
    void aRecordWithoutTagsCannotCreateASuperTable() {
        Point point = new Point();
        point.addField("current", ColumnMapping.FLOAT32, 1f);

        assertThatThrownBy(() -> varchar64.initial(point, "meters"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("tag");
    }

    @Test
    void aFieldNamedLikeTheTimestampColumnIsADataException() {
        Point point = withTag();
        point.addField("TS", ColumnMapping.INT64, 1L);

        assertThatThrownBy(() -> varchar64.initial(point, "meters"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("timestamp column");
    }

    @Test
    void twoFieldsDifferingOnlyInCaseAreADataException() {
        Point point = withTag();
        point.addField("Current", ColumnMapping.FLOAT32, 1f);
        point.addField("current", ColumnMapping.FLOAT32, 2f);

        assertThatThrownBy(() -> varchar64.initial(point, "meters")).isInstanceOf(DataException.class);
    }

    @Test
    void anArrayFieldIsADataException() {
        Point point = withTag();
        point.addField("list", ColumnMapping.ARRAY, List.of(1));

        assertThatThrownBy(() -> varchar64.initial(point, "meters"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("list");
    }

    @Test
    void valuesThatFitNeedNoChange() {
        Point point = withTag();
        point.addField("CURRENT", ColumnMapping.FLOAT32, 1f);
        point.addField("phase", ColumnMapping.STRING, "é".repeat(5));
        point.addField("note", ColumnMapping.STRING, "😀😀😀😀");
        point.addField("raw", ColumnMapping.BYTES, new byte[8]);
        point.addField("ts", ColumnMapping.INT64, 1L);

        assertThat(varchar64.changes(METERS, point)).isEmpty();
    }

    @Test
    void missingColumnsAndTagsAreAddedWithTheirExactTypes() {
        Point point = withTag();
        point.addTag("GroupId", ColumnMapping.INT32, 2);
        point.addField("Voltage", ColumnMapping.INT32, 219);
        point.addField("label", ColumnMapping.STRING, "x".repeat(100));

        assertThat(varchar64.changes(METERS, point))
                .containsExactly(
                        column("voltage", ColumnType.of(TdengineType.INT)),
                        column("label", ColumnType.sized(TdengineType.VARCHAR, 100)),
                        tag("groupid", ColumnType.of(TdengineType.INT)));
    }

    @Test
    void aTooLongStringIsWidenedToDoubleItsLength() {
        Point point = withTag();
        point.addField("phase", ColumnMapping.STRING, "x".repeat(11));
        point.addField("note", ColumnMapping.STRING, "😀😀😀😀😀");
        point.addField("raw", ColumnMapping.BYTES, new byte[9]);

        assertThat(varchar64.changes(METERS, point))
                .containsExactly(
                        column("phase", ColumnType.sized(TdengineType.VARCHAR, 20)),
                        column("note", ColumnType.sized(TdengineType.NCHAR, 8)),
                        column("raw", ColumnType.sized(TdengineType.VARBINARY, 16)));
    }

    @Test
    void aStringLongerThanDoubleIsWidenedToItsOwnLength() {
        Point point = new Point();
        point.addTag("location", ColumnMapping.STRING, "北".repeat(20));
        point.addField("phase", ColumnMapping.STRING, "x".repeat(25));

        assertThat(varchar64.changes(METERS, point))
                .containsExactly(
                        column("phase", ColumnType.sized(TdengineType.VARCHAR, 25)),
                        tag("location", ColumnType.sized(TdengineType.VARCHAR, 60)));
    }

    @Test
    void wideningStopsAtTdenginesLongestString() {
        StableSchema wide = METERS.with(column("phase", ColumnType.sized(TdengineType.VARCHAR, 60_000)));
        Point point = withTag();
        point.addField("phase", ColumnMapping.STRING, "x".repeat(60_001));

        assertThat(varchar64.changes(wide, point))
                .containsExactly(column("phase", ColumnType.sized(TdengineType.VARCHAR, SchemaEvolution.MAX_BYTES)));
    }

    @Test
    void aValueLongerThanTdenginesLongestStringWidensNothingAndIsLeftForTheConverterToRefuse() {
        Point point = withTag();
        point.addField("phase", ColumnMapping.STRING, "x".repeat(SchemaEvolution.MAX_BYTES + 1));

        assertThat(varchar64.changes(METERS, point)).isEmpty();
    }
}
