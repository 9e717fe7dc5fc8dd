package com.taosdata.kafka.connect.source.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.connection.ErrorKind;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.schemas.source.TdengineColumnType;
import com.taosdata.kafka.connect.source.config.OutFormat;
import com.taosdata.kafka.connect.source.config.TopicNaming;
import com.taosdata.kafka.connect.source.format.RowFormatters;
import com.taosdata.kafka.connect.source.table.ColumnDef;
import com.taosdata.kafka.connect.source.table.ColumnDef.Role;
import com.taosdata.kafka.connect.source.table.TableSchema;
import com.taosdata.kafka.connect.testing.FakeJdbc;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class TableQuerierTest {

    private static final long NOW = 1_000_000;
    private static final TableSchema WIDER = new TableSchema(
            "power",
            "meters",
            TimestampUnit.MS,
            List.of(
                    new ColumnDef("ts", TdengineColumnType.parse("TIMESTAMP"), Role.TIMESTAMP),
                    new ColumnDef("seq", TdengineColumnType.parse("INT"), Role.COLUMN),
                    new ColumnDef("added", TdengineColumnType.parse("DOUBLE"), Role.COLUMN),
                    new ColumnDef("location", TdengineColumnType.parse("NCHAR(16)"), Role.TAG)));

    private static TableSchema schema(boolean compositeKey) {
        return new TableSchema(
                "power",
                "meters",
                TimestampUnit.MS,
                List.of(
                        new ColumnDef("ts", TdengineColumnType.parse("TIMESTAMP"), Role.TIMESTAMP),
                        new ColumnDef(
                                "seq", TdengineColumnType.parse("INT"), compositeKey ? Role.PRIMARY_KEY : Role.COLUMN),
                        new ColumnDef("location", TdengineColumnType.parse("NCHAR(16)"), Role.TAG)));
    }

    private static TableQuerier querier(boolean compositeKey, TablePosition position, long interval, int fetch) {
        return new TableQuerier(
                "d1001",
                schema(compositeKey),
                connection -> WIDER,
                position,
                new QuerySettings(
                        null,
                        interval,
                        fetch,
                        WindowSizer.WINDOW_ROWS,
                        1000,
                        new TopicNaming("", "-", true, false, "power"),
                        RowFormatters.create(OutFormat.JSON, TimestampUnit.MS)));
    }

    private static Object[] row(long ts, int seq) {
        return new Object[] {new Timestamp(ts), seq, "here"};
    }

    @Test
    void firstQueryReadsFromTheBeginningUpToNowWithQuotedNames() {
        FakeJdbc jdbc = new FakeJdbc().thenRows(List.of(row(10, 1), row(20, 2)));
        QueryResult result = querier(false, null, 0, 3).poll(jdbc.connection(), NOW, NOW);
        assertThat(jdbc.lastStatement())
                .isEqualTo(
                        "SELECT *,`location` FROM `power`.`d1001` WHERE `ts` <= " + NOW + " ORDER BY `ts` ASC LIMIT 3");
        assertThat(result.caughtUp()).isTrue();
        assertThat(result.records()).hasSize(2);
        SourceRecord first = result.records().get(0);
        assertThat(first.topic()).isEqualTo("power-meters");
        assertThat(first.key()).isEqualTo("d1001");
        assertThat(first.timestamp()).isEqualTo(10L);
        assertThat(first.sourcePartition()).isEqualTo(Map.of("database", "power", "table", "d1001"));
        assertThat(first.sourceOffset()).isEqualTo(Map.of("ts", 10L, "rows", 1L, "precision", "ms"));
        assertThat(result.records().get(1).sourceOffset().get("ts")).isEqualTo(20L);
    }

    @Test
    void nextQueryStartsAfterTheLastRow() {
        FakeJdbc jdbc = new FakeJdbc().thenRows(List.of(row(10, 1), row(20, 2))).thenRows(List.of());
        TableQuerier querier = querier(false, null, 0, 2);
        assertThat(querier.poll(jdbc.connection(), NOW, NOW).caughtUp()).isFalse();
        querier.poll(jdbc.connection(), NOW, NOW);
        assertThat(jdbc.lastStatement()).contains("WHERE `ts` > 20 AND `ts` <= " + NOW);
    }

    @Test
    void resumesFromACommittedOffset() {
        FakeJdbc jdbc = new FakeJdbc();
        querier(false, new TablePosition(42, 1), 0, 5).poll(jdbc.connection(), NOW, NOW);
        assertThat(jdbc.lastStatement()).contains("WHERE `ts` > 42 AND");
    }

    @Test
    void rowsSharingATimestampAreNeitherSkippedNorRepeated() {
        FakeJdbc jdbc = new FakeJdbc()
                .thenRows(List.of(row(10, 1), row(10, 2)))
                .thenRows(List.of(row(10, 1), row(10, 2), row(10, 3), row(11, 1)));
        TableQuerier querier = querier(true, null, 0, 2);
        List<SourceRecord> first = querier.poll(jdbc.connection(), NOW, NOW).records();
        assertThat(first).extracting(r -> (Object) r.sourceOffset().get("rows")).containsExactly(1L, 2L);
        List<SourceRecord> second = querier.poll(jdbc.connection(), NOW, NOW).records();
        assertThat(jdbc.lastStatement())
                .isEqualTo("SELECT *,`location` FROM `power`.`d1001` WHERE `ts` >= 10 " + "AND `ts` <= " + NOW
                        + " ORDER BY `ts` ASC, `seq` ASC LIMIT 4");
        assertThat(second)
                .extracting(r -> ((String) r.value()).contains("\"seq\":3"))
                .containsExactly(true, false);
        assertThat(second)
                .extracting(r -> (Object) r.sourceOffset())
                .containsExactly(
                        Map.of("ts", 10L, "rows", 3L, "precision", "ms"),
                        Map.of("ts", 11L, "rows", 1L, "precision", "ms"));
    }

    @Test
    void restartInTheMiddleOfATimestampSkipsExactlyTheRowsSent() {
        FakeJdbc jdbc = new FakeJdbc().thenRows(List.of(row(10, 1), row(10, 2), row(10, 3)));
        List<SourceRecord> records = querier(true, new TablePosition(10, 2), 0, 5)
                .poll(jdbc.connection(), NOW, NOW)
                .records();
        assertThat(jdbc.lastStatement()).contains("`ts` >= 10").endsWith("LIMIT 7");
        assertThat(records).hasSize(1);
        assertThat(records.get(0).sourceOffset().get("rows")).isEqualTo(3L);
    }

    @Test
    void failedQueryLeavesThePositionWhereItWas() {
        FakeJdbc jdbc = new FakeJdbc()
                .thenRows(Collections.singletonList(row(10, 1)))
                .thenFail(new SQLException("gone", "08000", 0x0B));
        TableQuerier querier = querier(false, null, 0, 1);
        querier.poll(jdbc.connection(), NOW, NOW);
        assertThatThrownBy(() -> querier.poll(jdbc.connection(), NOW, NOW))
                .isInstanceOfSatisfying(
                        TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT));
        assertThat(querier.position()).isEqualTo(new TablePosition(10, 1));
    }

    @Test
    void boundedWindowStartsAtTheFirstRowAndMovesOverEmptyWindows() {
        FakeJdbc jdbc = new FakeJdbc()
                .thenRows(Collections.singletonList(new Object[] {new Timestamp(5000)}))
                .thenRows(List.of())
                .thenRows(List.of());
        TableQuerier querier = querier(false, null, 1000, 10);
        QueryResult empty = querier.poll(jdbc.connection(), NOW, NOW);
        assertThat(jdbc.statements())
                .containsExactly(
                        "SELECT `ts` FROM `power`.`d1001` ORDER BY `ts` ASC LIMIT 1",
                        "SELECT *,`location` FROM `power`.`d1001` WHERE `ts` > 4999 AND `ts` <= 5999 ORDER BY `ts` ASC LIMIT 10");
        assertThat(empty.caughtUp()).isFalse();
        querier.poll(jdbc.connection(), NOW, NOW);
        assertThat(jdbc.lastStatement()).contains("`ts` > 5999 AND `ts` <= 6999");
    }

    @Test
    void addedColumnIsPickedUpByDescribingTheTableAgain() {
        FakeJdbc jdbc = new FakeJdbc()
                .thenRows(Collections.singletonList(new Object[] {new Timestamp(10), 1, 2.5, "here"}))
                .thenRows(Collections.singletonList(new Object[] {new Timestamp(10), 1, 2.5, "here"}));
        List<SourceRecord> records =
                querier(false, null, 0, 5).poll(jdbc.connection(), NOW, NOW).records();
        assertThat(jdbc.statements()).hasSize(2);
        assertThat(records)
                .singleElement()
                .satisfies(r -> assertThat((String) r.value()).contains("\"added\":2.5"));
    }

    @Test
    void emptyTableWithABoundedWindowWaits() {
        FakeJdbc jdbc = new FakeJdbc().thenRows(List.of());
        QueryResult result = querier(false, null, 1000, 10).poll(jdbc.connection(), NOW, NOW);
        assertThat(result.caughtUp()).isTrue();
        assertThat(result.records()).isEmpty();
    }

    @Test
    void windowEndsAtUntilAndTheNextOneDoesNotStartPastIt() {
        FakeJdbc jdbc = new FakeJdbc().thenRows(List.of()).thenRows(Collections.singletonList(row(2400, 1)));
        TableQuerier querier = querier(false, new TablePosition(2000, 1), 1000, 10);
        QueryResult first = querier.poll(jdbc.connection(), NOW, 2500);
        assertThat(jdbc.lastStatement()).contains("WHERE `ts` > 2000 AND `ts` <= 2500 ");
        assertThat(first.caughtUp()).as("the window reached until").isTrue();
        // A row stamped 2400 written after the first query, within the delay: the next window still covers it.
        List<SourceRecord> late = querier.poll(jdbc.connection(), NOW, 2600).records();
        assertThat(jdbc.lastStatement()).contains("WHERE `ts` > 2000 AND `ts` <= 2600 ");
        assertThat(late).extracting(r -> (Object) r.sourceOffset().get("ts")).containsExactly(2400L);
    }
}
