package com.taosdata.kafka.connect.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.taosdata.kafka.connect.connection.ErrorKind;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.schemas.TdengineType;
import com.taosdata.kafka.connect.sink.table.ColumnType;
import com.taosdata.kafka.connect.sink.table.StableColumn;
import java.lang.ref.WeakReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** {@code write.method=stmt}: Structs and Maps written with their types into super tables. */
class TDengineSinkTaskTypedTest extends SinkTaskTestBase {

    private static final long MILLIS = 1_796_316_133_135L;
    private static final Schema METER = SchemaBuilder.struct()
            .name("meter")
            .field("ts", Timestamp.SCHEMA)
            .field("current", Schema.FLOAT32_SCHEMA)
            .field("voltage", Schema.INT32_SCHEMA)
            .field("location", Schema.STRING_SCHEMA)
            .field("groupid", Schema.INT32_SCHEMA)
            .build();

    private static Struct meter(long millis, float current, int voltage, String location, int groupid) {
        return new Struct(METER)
                .put("ts", new java.util.Date(millis))
                .put("current", current)
                .put("voltage", voltage)
                .put("location", location)
                .put("groupid", groupid);
    }

    private static SinkRecord record(long offset, Object value) {
        return new SinkRecord(
                "meters",
                0,
                null,
                null,
                value instanceof Struct s ? s.schema() : null,
                value,
                offset,
                MILLIS + offset,
                TimestampType.CREATE_TIME);
    }

    private void startTyped(String... overrides) {
        String[] typed = {
            "write.method", "stmt", "data.precision", "ms", "tags", "location,groupid", "timestamp.field", "ts"
        };
        String[] all = new String[typed.length + overrides.length];
        System.arraycopy(typed, 0, all, 0, typed.length);
        System.arraycopy(overrides, 0, all, typed.length, overrides.length);
        start(all);
    }

    private void preCreatedMeters() {
        sql.existing(
                "power",
                "meters",
                new StableColumn("ts", ColumnType.of(TdengineType.TIMESTAMP), false),
                new StableColumn("current", ColumnType.of(TdengineType.FLOAT), false),
                new StableColumn("voltage", ColumnType.of(TdengineType.INT), false),
                new StableColumn("phase", ColumnType.of(TdengineType.FLOAT), false),
                new StableColumn("location", ColumnType.sized(TdengineType.VARCHAR, 24), true),
                new StableColumn("groupid", ColumnType.of(TdengineType.TINYINT), true));
    }

    @Test
    void structsGoIntoAPreCreatedSuperTableWithTypedTagsAndNamedChildTables() {
        preCreatedMeters();
        startTyped("child.table.name.format", "d${groupid}");

        task.put(List.of(
                record(0, meter(MILLIS, 10.3f, 219, "California.SanFrancisco", 2)),
                record(1, meter(MILLIS + 1, 12.6f, 218, "California.LosAngeles", 3)),
                record(2, meter(MILLIS + 2, 10.8f, 221, "California.SanFrancisco", 2))));
        Map<TopicPartition, OffsetAndMetadata> committed = preCommit(METERS_0);

        assertThat(sql.inserts())
                .containsExactly("INSERT INTO `power`.`d2` USING `power`.`meters` "
                        + "(`location`,`groupid`) TAGS ('California.SanFrancisco',2) (`ts`,`current`,`voltage`) VALUES "
                        + "(1796316133135,10.3,219)(1796316133137,10.8,221) `power`.`d3` USING `power`.`meters` "
                        + "(`location`,`groupid`) TAGS ('California.LosAngeles',3) (`ts`,`current`,`voltage`) VALUES "
                        + "(1796316133136,12.6,218)");
        assertThat(committed).containsExactly(entry(METERS_0, new OffsetAndMetadata(3)));
        assertThat(sql.statements()).allMatch(s -> s.startsWith("INSERT"));
    }

    @Test
    void withoutAChildTableFormatTheSameTagsAlwaysReachTheSameHashedChildTable() {
        preCreatedMeters();
        startTyped();

        task.put(List.of(
                record(0, meter(MILLIS, 1f, 1, "a", 1)),
                record(1, meter(MILLIS + 1, 2f, 2, "a", 1)),
                record(2, meter(MILLIS + 2, 3f, 3, "b", 1))));
        preCommit(METERS_0);

        String insert = sql.inserts().get(0);
        assertThat(insert)
                .containsPattern("^INSERT INTO `power`.`t_[0-9a-f]{32}` USING .*VALUES \\(\\d+,1\\.0,1\\)"
                        + "\\(\\d+,2\\.0,2\\) `power`.`t_[0-9a-f]{32}` USING .* VALUES \\(\\d+,3\\.0,3\\)$");
    }

    @Test
    void aValueThatDoesNotFitItsColumnGoesToTheDlqNamingFieldValueAndColumnAndTheRestIsWritten() {
        preCreatedMeters();
        startTyped("errors.tolerance", "all");

        task.put(List.of(
                record(0, meter(MILLIS, 1f, 1, "a", 1)),
                record(1, meter(MILLIS + 1, 2f, 2, "a", 300)),
                record(2, meter(MILLIS + 2, 3f, 3, "a", 1))));
        Map<TopicPartition, OffsetAndMetadata> committed = preCommit(METERS_0);

        assertThat(dlq).hasSize(1);
        assertThat(dlq.get(0).getKey().kafkaOffset()).isEqualTo(1);
        assertThat(dlq.get(0).getValue())
                .hasMessageContainingAll(
                        "meters-0@1",
                        "groupid",
                        "300",
                        "out of range (-128 to 127)",
                        "tag groupid TINYINT",
                        "power.meters");
        assertThat(sql.inserts()).hasSize(1);
        assertThat(sql.inserts().get(0)).contains("(1796316133135,1.0,1)(1796316133137,3.0,3)");
        assertThat(committed).containsExactly(entry(METERS_0, new OffsetAndMetadata(3)));
    }

    @Test
    void everyRecordCarryingATagThatDoesNotFitIsRefusedAndRecordsOfTheSameGoodTagsShareTheirChildTable() {
        preCreatedMeters();
        startTyped("errors.tolerance", "all");

        task.put(List.of(
                record(0, meter(MILLIS, 1f, 1, "a", 300)),
                record(1, meter(MILLIS + 1, 2f, 2, "a", 1)),
                record(2, meter(MILLIS + 2, 3f, 3, "a", 300)),
                record(3, meter(MILLIS + 3, 4f, 4, "a", 1))));
        preCommit(METERS_0);

        assertThat(dlq).extracting(bad -> bad.getKey().kafkaOffset()).containsExactly(0L, 2L);
        assertThat(sql.inserts())
                .singleElement()
                .asString()
                .containsOnlyOnce("USING")
                .contains("(1796316133136,2.0,2)(1796316133138,4.0,4)");
    }

    @Test
    void aFieldTheTableLacksIsABadRecordWithoutAutoEvolve() {
        sql.existing(
                "power",
                "meters",
                new StableColumn("ts", ColumnType.of(TdengineType.TIMESTAMP), false),
                new StableColumn("current", ColumnType.of(TdengineType.FLOAT), false),
                new StableColumn("location", ColumnType.sized(TdengineType.VARCHAR, 24), true),
                new StableColumn("groupid", ColumnType.of(TdengineType.INT), true));
        startTyped("errors.tolerance", "all");

        task.put(List.of(record(0, meter(MILLIS, 1f, 1, "a", 1))));
        preCommit(METERS_0);

        assertThat(dlq)
                .singleElement()
                .satisfies(bad -> assertThat(bad.getValue())
                        .hasMessageContainingAll(
                                "field voltage is no column or tag of super table power.meters", "auto.evolve=true"));
        assertThat(sql.inserts()).isEmpty();
    }

    @Test
    void autoCreateMakesTheSuperTableFromTheRecordSchemaWithExactTypes() {
        startTyped("auto.create", "true", "string.length", "32");

        task.put(List.of(record(0, meter(MILLIS, 1f, 1, "a", 1))));
        preCommit(METERS_0);

        assertThat(sql.statements().get(0))
                .isEqualTo("CREATE STABLE IF NOT EXISTS `power`.`meters` (`ts` TIMESTAMP, "
                        + "`current` FLOAT, `voltage` INT) TAGS (`location` VARCHAR(32), `groupid` INT)");
        assertThat(sql.inserts())
                .singleElement()
                .asString()
                .contains("(`ts`,`current`,`voltage`) VALUES " + "(1796316133135,1.0,1)");
    }

    @Test
    void withoutAutoCreateAMissingSuperTableFailsTheTaskNamingTheTableAndTheKey() {
        startTyped("errors.tolerance", "all");

        task.put(List.of(record(0, meter(MILLIS, 1f, 1, "a", 1))));

        assertThatThrownBy(() -> preCommit(METERS_0))
                .isInstanceOf(ConnectException.class)
                .hasMessageContainingAll("power.meters does not exist", "auto.create=true");
        assertThat(dlq).isEmpty();
    }

    @Test
    void autoEvolveAddsAColumnForANewFieldAndWidensAStringTooLong() {
        sql.existing(
                "power",
                "meters",
                new StableColumn("ts", ColumnType.of(TdengineType.TIMESTAMP), false),
                new StableColumn("current", ColumnType.of(TdengineType.FLOAT), false),
                new StableColumn("location", ColumnType.sized(TdengineType.VARCHAR, 4), true),
                new StableColumn("groupid", ColumnType.of(TdengineType.INT), true));
        startTyped("auto.evolve", "true");

        task.put(List.of(record(0, meter(MILLIS, 1f, 7, "Beijing", 1))));
        preCommit(METERS_0);

        assertThat(sql.statements())
                .startsWith(
                        "ALTER STABLE `power`.`meters` ADD COLUMN `voltage` INT",
                        "ALTER STABLE `power`.`meters` MODIFY TAG `location` VARCHAR(8)");
        assertThat(sql.table("power", "meters"))
                .get()
                .asList()
                .contains(
                        new StableColumn("voltage", ColumnType.of(TdengineType.INT), false),
                        new StableColumn("location", ColumnType.sized(TdengineType.VARCHAR, 8), true));
        assertThat(sql.inserts()).singleElement().asString().contains("TAGS ('Beijing',1)");
    }

    @Test
    void mapsWithoutSchemaAreWrittenTooWithTheirValuesConvertedToTheDeclaredTypes() {
        preCreatedMeters();
        startTyped("timestamp.field", "");
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("current", 10.5);
        value.put("voltage", 220L);
        value.put("location", "x");
        value.put("groupid", 5L);

        task.put(List.of(record(0, value)));
        preCommit(METERS_0);

        assertThat(sql.inserts())
                .singleElement()
                .asString()
                .endsWith("TAGS ('x',5) (`ts`,`current`,`voltage`) VALUES (1796316133135,10.5,220)");
    }

    @Test
    void aRowTDengineRejectsIsIsolatedToTheDlqAndTheOthersAreWritten() {
        preCreatedMeters();
        sql.failWhen(statement -> statement.contains("'bad'")
                ? new TDengineException(0x2653, ErrorKind.DATA, "TDengine ERROR (0x80002653): invalid value", null)
                : null);
        startTyped("errors.tolerance", "all", "child.table.name.format", "d${location}");

        task.put(List.of(
                record(0, meter(MILLIS, 1f, 1, "a", 1)),
                record(1, meter(MILLIS + 1, 2f, 2, "bad", 1)),
                record(2, meter(MILLIS + 2, 3f, 3, "c", 1))));
        Map<TopicPartition, OffsetAndMetadata> committed = preCommit(METERS_0);

        assertThat(dlq).singleElement().satisfies(bad -> {
            assertThat(bad.getKey().kafkaOffset()).isEqualTo(1);
            assertThat(bad.getValue()).hasMessageContaining("0x80002653");
        });
        assertThat(String.join("\n", sql.inserts())).contains("`da`", "`dc`").doesNotContain("`dbad`");
        assertThat(committed).containsExactly(entry(METERS_0, new OffsetAndMetadata(3)));
    }

    @Test
    void aTextValueIsABadRecordPointingToTheSchemalessWriteMethod() {
        preCreatedMeters();
        startTyped("errors.tolerance", "all");

        task.put(List.of(record(0, "meters,location=a current=1 1")));
        preCommit(METERS_0);

        assertThat(dlq)
                .singleElement()
                .satisfies(bad -> assertThat(bad.getValue())
                        .hasMessageContainingAll(
                                "write.method=stmt writes Struct or Map values, not String",
                                "write.method=schemaless"));
    }

    @Test
    void aRecordWithoutItsTimestampFieldIsABadRecordAndTheRestOfTheBatchIsWritten() {
        preCreatedMeters();
        startTyped("errors.tolerance", "all");
        Map<String, Object> noTimestamp = new LinkedHashMap<>();
        noTimestamp.put("current", 1.5);
        noTimestamp.put("location", "a");
        noTimestamp.put("groupid", 1L);

        task.put(List.of(
                record(0, meter(MILLIS, 1f, 1, "a", 1)),
                record(1, noTimestamp),
                record(2, meter(MILLIS + 2, 3f, 3, "a", 1))));
        Map<TopicPartition, OffsetAndMetadata> committed = preCommit(METERS_0);

        assertThat(dlq).singleElement().satisfies(bad -> {
            assertThat(bad.getKey().kafkaOffset()).isEqualTo(1);
            assertThat(bad.getValue())
                    .hasMessageContainingAll("meters-0@1: field ts", "missing or null")
                    .hasMessageNotContaining("meters-0@1: meters-0@1");
        });
        assertThat(sql.inserts()).singleElement().asString().contains("(1796316133135,1.0,1)(1796316133137,3.0,3)");
        assertThat(committed).containsExactly(entry(METERS_0, new OffsetAndMetadata(3)));
    }

    @Test
    void aChildTableNameFromAFieldTheRecordLacksIsABadRecord() {
        preCreatedMeters();
        startTyped("errors.tolerance", "all", "child.table.name.format", "d_${serial}");

        task.put(List.of(record(0, meter(MILLIS, 1f, 1, "a", 1))));
        preCommit(METERS_0);

        assertThat(dlq)
                .singleElement()
                .satisfies(bad -> assertThat(bad.getValue())
                        .hasMessageContainingAll("child.table.name.format 'd_${serial}'", "no value for serial"));
    }

    @Test
    void onceTheWriterHasDescribedTheSuperTableARecordWaitsAsItsRowWithoutItsStruct() throws InterruptedException {
        preCreatedMeters();
        startTyped("child.table.name.format", "d${groupid}");
        task.put(List.of(record(0, meter(MILLIS, 1f, 1, "a", 1))));
        preCommit(METERS_0);

        WeakReference<Struct> value = putOneMeter(1);

        assertThat(collected(value)).isTrue();
        Map<TopicPartition, OffsetAndMetadata> committed = preCommit(METERS_0);
        assertThat(sql.inserts()).hasSize(2);
        assertThat(sql.inserts().get(1))
                .isEqualTo("INSERT INTO `power`.`d1` (`ts`,`current`,`voltage`) VALUES (1796316133136,2.0,2)");
        assertThat(committed).containsExactly(entry(METERS_0, new OffsetAndMetadata(2)));
    }

    @Test
    void withADlqAValueThatDoesNotFitADescribedTableIsReportedAsItArrivesAndTheRestIsWritten() {
        preCreatedMeters();
        startTyped("errors.tolerance", "all");
        task.put(List.of(record(0, meter(MILLIS, 1f, 1, "a", 1))));
        preCommit(METERS_0);

        task.put(List.of(record(1, meter(MILLIS + 1, 2f, 2, "a", 300)), record(2, meter(MILLIS + 2, 3f, 3, "a", 1))));

        assertThat(dlq).singleElement().satisfies(bad -> {
            assertThat(bad.getKey().kafkaOffset()).isEqualTo(1);
            assertThat(bad.getValue())
                    .hasMessageContainingAll("meters-0@1", "groupid", "300", "tag groupid TINYINT")
                    .hasMessageNotContaining("meters-0@1: meters-0@1");
        });
        Map<TopicPartition, OffsetAndMetadata> committed = preCommit(METERS_0);
        assertThat(sql.inserts().get(1)).endsWith("VALUES (1796316133137,3.0,3)");
        assertThat(committed).containsExactly(entry(METERS_0, new OffsetAndMetadata(3)));
    }

    @Test
    void aNewFieldForADescribedTableWaitsForTheWriterWhichAddsItsColumnAndLaterRowsUseIt() {
        preCreatedMeters();
        startTyped("timestamp.field", "", "auto.evolve", "true", "child.table.name.format", "d${groupid}");
        task.put(List.of(record(0, map(Map.of("current", 1.5, "location", "a", "groupid", 1L)))));
        preCommit(METERS_0);

        task.put(List.of(record(1, map(Map.of("current", 2.5, "power", 7L, "location", "a", "groupid", 1L)))));
        preCommit(METERS_0);
        task.put(List.of(record(2, map(Map.of("current", 3.5, "power", 8L, "location", "a", "groupid", 1L)))));
        preCommit(METERS_0);

        assertThat(sql.statements())
                .filteredOn(s -> s.startsWith("ALTER"))
                .containsExactly("ALTER STABLE `power`.`meters` ADD COLUMN `power` BIGINT");
        assertThat(sql.inserts()).hasSize(3);
        assertThat(sql.inserts().get(0)).startsWith("INSERT INTO `power`.`d1` USING");
        assertThat(sql.inserts().get(1))
                .isEqualTo("INSERT INTO `power`.`d1` (`ts`,`current`,`power`) VALUES (1796316133136,2.5,7)");
        assertThat(sql.inserts().get(2))
                .isEqualTo("INSERT INTO `power`.`d1` (`ts`,`current`,`power`) VALUES (1796316133137,3.5,8)");
    }

    /** A map with the entries in a fixed order, so the columns of the INSERT come out in it. */
    private static Map<String, Object> map(Map<String, Object> entries) {
        return new TreeMap<>(entries);
    }

    /**
     * Puts one meter, fewer than a batch so that it waits, and returns a weak reference to its Struct, which the
     * collector clears once nothing keeps it.
     */
    private WeakReference<Struct> putOneMeter(long offset) {
        Struct value = meter(MILLIS + offset, 1f + offset, (int) offset + 1, "a", 1);
        task.put(List.of(record(offset, value)));
        return new WeakReference<>(value);
    }
}
