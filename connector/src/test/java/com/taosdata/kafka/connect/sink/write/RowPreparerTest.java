package com.taosdata.kafka.connect.sink.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.schemas.StringType;
import com.taosdata.kafka.connect.schemas.TdengineType;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.sink.config.TypedWriteOptions;
import com.taosdata.kafka.connect.sink.record.EncodedRecord;
import com.taosdata.kafka.connect.sink.row.TypedRow;
import com.taosdata.kafka.connect.sink.table.ColumnType;
import com.taosdata.kafka.connect.sink.table.FakeSqlRunner;
import com.taosdata.kafka.connect.sink.table.StableCatalog;
import com.taosdata.kafka.connect.sink.table.StableColumn;
import com.taosdata.kafka.connect.sink.table.StableSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** Typed records converted on the task thread: only into super tables the writer thread has described. */
class RowPreparerTest {

    private static final StableColumn TS = new StableColumn("ts", ColumnType.of(TdengineType.TIMESTAMP), false);
    private static final StableColumn CURRENT = new StableColumn("current", ColumnType.of(TdengineType.FLOAT), false);
    private static final StableColumn LOCATION =
            new StableColumn("location", ColumnType.sized(TdengineType.VARCHAR, 8), true);

    private final FakeSqlRunner sql = new FakeSqlRunner();
    private final StableCatalog catalog = new StableCatalog(sql, new RetryPolicy(0, 1, sleep -> {}));

    private RowPreparer preparer(boolean autoEvolve) {
        TypedWriteOptions options = new TypedWriteOptions(
                "${topic}", "d_${location}", List.of("location"), null, false, autoEvolve, StringType.VARCHAR, 16);
        return RowPreparer.create(catalog, options, TimestampUnit.MS);
    }

    private static SinkRecord record(long offset, Map<String, Object> value) {
        return new SinkRecord("meters", 0, null, null, null, value, offset, 1_000L + offset, TimestampType.CREATE_TIME);
    }

    private static Map<String, Object> meter(String location, double current) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("location", location);
        value.put("current", current);
        return value;
    }

    private StableSchema describedMeters() {
        sql.existing("power", "meters", TS, CURRENT, LOCATION);
        return catalog.find("power", "meters").orElseThrow();
    }

    @Test
    void aRecordOfATableTheWriterHasNotDescribedWaitsWholeForTheWriter() {
        sql.existing("power", "meters", TS, CURRENT, LOCATION);
        SinkRecord record = record(0, meter("a", 1.5));

        EncodedRecord prepared = preparer(false).prepare("power", record);

        assertThat(prepared.row()).isNull();
        assertThat(prepared.record()).isSameAs(record);
        assertThat(sql.described()).isEmpty();
    }

    @Test
    void aRecordOfADescribedTableComesWithItsRowConvertedToTheDeclaredTypes() {
        StableSchema meters = describedMeters();

        TypedRow row =
                preparer(false).prepare("power", record(3, meter("a", 1.5))).row();

        assertThat(row.schema()).isSameAs(meters);
        assertThat(row.childTable()).isEqualTo("d_a");
        assertThat(row.timestamp()).isEqualTo(1_003L);
        assertThat(row.tags()).containsExactly("a");
        assertThat(row.columns()).containsExactly(1.5f);
    }

    @Test
    void aValueThatDoesNotFitADescribedTableIsRefusedNamingTheRecordFieldAndColumn() {
        describedMeters();
        RowPreparer preparer = preparer(false);

        assertThatThrownBy(() -> preparer.prepare("power", record(4, meter("far too long", 1.5))))
                .isInstanceOf(DataException.class)
                .hasMessageContainingAll("record meters-0@4", "field location", "'far too long'", "power.meters");
    }

    @Test
    void withoutAutoEvolveAFieldTheTableLacksIsRefused() {
        describedMeters();
        Map<String, Object> value = meter("a", 1.5);
        value.put("voltage", 220);

        assertThatThrownBy(() -> preparer(false).prepare("power", record(5, value)))
                .isInstanceOf(DataException.class)
                .hasMessageContainingAll("record meters-0@5", "field voltage is no column or tag", "auto.evolve=true");
    }

    @Test
    void withAutoEvolveARecordTheTableMustChangeForWaitsWholeForTheWriter() {
        describedMeters();
        Map<String, Object> value = meter("a", 1.5);
        value.put("voltage", 220);
        SinkRecord record = record(5, value);

        EncodedRecord prepared = preparer(true).prepare("power", record);

        assertThat(prepared.row()).isNull();
        assertThat(prepared.record()).isSameAs(record);
    }

    @Test
    void aTableTheWriterChangedOrForgotIsSeenAtTheNextRecord() {
        StableSchema meters = describedMeters();
        RowPreparer preparer = preparer(true);
        assertThat(preparer.prepare("power", record(0, meter("a", 1))).row().schema())
                .isSameAs(meters);

        StableSchema altered =
                catalog.alter(meters, List.of(new StableColumn("voltage", ColumnType.of(TdengineType.INT), false)));
        TypedRow afterAlter =
                preparer.prepare("power", record(1, meter("a", 2))).row();
        catalog.forget("power", "meters");
        EncodedRecord afterForget = preparer.prepare("power", record(2, meter("a", 3)));

        assertThat(afterAlter.schema()).isSameAs(altered);
        assertThat(afterAlter.columns()).containsExactly(2.0f, null);
        assertThat(afterForget.row()).isNull();
    }

    @Test
    void eachRecordIsPlacedByItsOwnFieldNamesWhateverTheRecordBeforeBrought() {
        sql.existing(
                "power",
                "meters",
                TS,
                CURRENT,
                new StableColumn("voltage", ColumnType.of(TdengineType.INT), false),
                LOCATION);
        catalog.find("power", "meters");
        RowPreparer preparer = preparer(false);
        Map<String, Object> voltageOnly = new LinkedHashMap<>();
        voltageOnly.put("location", "b");
        voltageOnly.put("voltage", 220);
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("voltage", 221);
        reordered.put("current", 2.5);
        reordered.put("location", "c");

        TypedRow first = preparer.prepare("power", record(0, meter("a", 1.5))).row();
        TypedRow second = preparer.prepare("power", record(1, voltageOnly)).row();
        TypedRow third = preparer.prepare("power", record(2, reordered)).row();

        assertThat(first.columns()).containsExactly(1.5f, null);
        assertThat(second.columns()).containsExactly(null, 220L);
        assertThat(second.tags()).containsExactly("b");
        assertThat(third.columns()).containsExactly(2.5f, 221L);
        assertThat(third.tags()).containsExactly("c");
    }

    @Test
    void aValueThatIsNoStructOrMapIsRefusedPointingToTheSchemalessWriteMethod() {
        describedMeters();
        SinkRecord text = new SinkRecord("meters", 0, null, null, null, "meters,location=a current=1", 6);

        assertThatThrownBy(() -> preparer(false).prepare("power", text))
                .isInstanceOf(DataException.class)
                .hasMessageContainingAll("record meters-0@6", "write.method=schemaless");
    }
}
