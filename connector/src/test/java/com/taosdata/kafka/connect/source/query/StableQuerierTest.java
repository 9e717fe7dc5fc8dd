package com.taosdata.kafka.connect.source.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.schemas.source.TdengineColumnType;
import com.taosdata.kafka.connect.source.config.OutFormat;
import com.taosdata.kafka.connect.source.config.TopicNaming;
import com.taosdata.kafka.connect.source.format.RowFormatter;
import com.taosdata.kafka.connect.source.format.RowFormatters;
import com.taosdata.kafka.connect.source.table.ColumnDef;
import com.taosdata.kafka.connect.source.table.ColumnDef.Role;
import com.taosdata.kafka.connect.source.table.TableSchema;
import com.taosdata.kafka.connect.testing.FakeJdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class StableQuerierTest {

    private static final long NOW = 1_000_000;
    private static final RowFormatter LINE = RowFormatters.create(OutFormat.LINE, TimestampUnit.MS);
    private static final TopicNaming TOPICS = new TopicNaming("td", "-", true, false, "power");

    private final FakeJdbc jdbc = new FakeJdbc();
    private final Connection connection = jdbc.connection();

    private static TableSchema schema(boolean compositeKey) {
        List<ColumnDef> columns = new ArrayList<>();
        columns.add(new ColumnDef("ts", TdengineColumnType.parse("TIMESTAMP"), Role.TIMESTAMP));
        if (compositeKey) {
            columns.add(new ColumnDef("k", TdengineColumnType.parse("INT"), Role.PRIMARY_KEY));
        }
        columns.add(new ColumnDef("v", TdengineColumnType.parse("INT"), Role.COLUMN));
        columns.add(new ColumnDef("loc", TdengineColumnType.parse("NCHAR(8)"), Role.TAG));
        return new TableSchema("power", "meters", TimestampUnit.MS, columns);
    }

    private static QuerySettings settings(int fetchMaxRows, int windowRows) {
        return new QuerySettings(null, 0, fetchMaxRows, windowRows, 1000, TOPICS, LINE);
    }

    private static StableQuerier querier(
            TableSchema schema, Map<String, TablePosition> tables, int fetchMaxRows, int windowRows) {
        return new StableQuerier(schema, c -> schema, tables, settings(fetchMaxRows, windowRows));
    }

    private static Map<String, TablePosition> positions(Object... tableThenPosition) {
        Map<String, TablePosition> positions = new LinkedHashMap<>();
        for (int i = 0; i < tableThenPosition.length; i += 2) {
            positions.put((String) tableThenPosition[i], (TablePosition) tableThenPosition[i + 1]);
        }
        return positions;
    }

    private static List<Object[]> count(long rows, long first, long last) {
        List<Object[]> result = new ArrayList<>();
        result.add(new Object[] {rows, new Timestamp(first), new Timestamp(last)});
        return result;
    }

    /** Rows of {@code meters} without composite key, each {@code table, ts}; value and tag are fixed. */
    private static List<Object[]> rows(Object... tableThenTs) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < tableThenTs.length; i += 2) {
            rows.add(new Object[] {new Timestamp((Long) tableThenTs[i + 1]), 1, "x", tableThenTs[i]});
        }
        return rows;
    }

    private static List<String> keysAndTimes(List<SourceRecord> records) {
        return records.stream()
                .map(r -> r.key() + "@" + r.sourceOffset().get("ts"))
                .toList();
    }

    @Test
    void oneQueryReadsEverySubtableAsOneTimelineEach() {
        jdbc.thenRows(count(3, 10, 20)).thenRows(rows("d1", 10L, "d1", 20L, "d2", 15L));
        StableQuerier querier = querier(schema(false), positions("d2", null, "d1", null), 100, 1000);

        QueryResult result = querier.poll(connection, NOW, NOW);

        assertThat(jdbc.statements())
                .containsExactly(
                        "SELECT COUNT(*),FIRST(`ts`),LAST(`ts`) FROM `power`.`meters` WHERE tbname IN ('d1','d2') "
                                + "AND `ts` <= 1000000",
                        "SELECT *,tbname FROM `power`.`meters` WHERE tbname IN ('d1','d2') AND `ts` <= 1000000 PARTITION BY tbname");
        assertThat(keysAndTimes(result.records())).containsExactly("d1@10", "d1@20", "d2@15");
        assertThat(result.records().get(1).sourcePartition()).isEqualTo(Map.of("database", "power", "table", "d1"));
        assertThat(result.records().get(1).sourceOffset()).isEqualTo(Map.of("ts", 20L, "rows", 1L, "precision", "ms"));
        assertThat(result.records().get(2).value()).isEqualTo("meters,loc=x v=1i32 15");
        assertThat(result.caughtUp()).as("the window reached now").isTrue();
    }

    @Test
    void windowStartsAtTheLowestPositionAndSkipsWhatEachSubtableAlreadySent() {
        jdbc.thenRows(count(3, 60, 120)).thenRows(rows("d1", 80L, "d1", 100L, "d1", 120L, "d2", 60L));
        StableQuerier querier = querier(
                schema(false), positions("d1", new TablePosition(100, 1), "d2", new TablePosition(50, 1)), 100, 1000);

        List<SourceRecord> records = querier.poll(connection, NOW, NOW).records();

        assertThat(jdbc.lastStatement()).contains("WHERE tbname IN ('d1','d2') AND `ts` > 50 AND `ts` <= 1000000");
        assertThat(keysAndTimes(records)).containsExactly("d1@120", "d2@60");
    }

    @Test
    void compositeKeySkipsTheRowsAlreadySentAtThePositionTimestamp() {
        List<Object[]> window = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            window.add(new Object[] {new Timestamp(50), k, 1, "x", "d1"});
        }
        window.add(new Object[] {new Timestamp(50), 1, 1, "x", "d2"});
        jdbc.thenRows(count(4, 50, 50)).thenRows(window);
        StableQuerier querier = querier(
                schema(true), positions("d1", new TablePosition(50, 2), "d2", new TablePosition(40, 1)), 100, 1000);

        List<SourceRecord> records = querier.poll(connection, NOW, NOW).records();

        assertThat(jdbc.lastStatement()).contains("AND `ts` >= 40 AND");
        assertThat(records)
                .extracting(SourceRecord::sourceOffset)
                .containsExactly(
                        Map.of("ts", 50L, "rows", 3L, "precision", "ms"),
                        Map.of("ts", 50L, "rows", 1L, "precision", "ms"));
    }

    @Test
    void stepsFetchAtMostFetchMaxRowsAndKeepTheWindowOpenBetweenPolls() {
        jdbc.thenRows(count(3, 10, 30)).thenRows(rows("d1", 10L, "d1", 20L, "d1", 30L));
        StableQuerier querier = querier(schema(false), positions("d1", null), 2, 1000);

        QueryResult first = querier.poll(connection, NOW, NOW);
        QueryResult second = querier.poll(connection, NOW, NOW);

        assertThat(keysAndTimes(first.records())).containsExactly("d1@10", "d1@20");
        assertThat(first.caughtUp()).isFalse();
        assertThat(keysAndTimes(second.records())).containsExactly("d1@30");
        assertThat(second.caughtUp()).isTrue();
        assertThat(jdbc.statements()).hasSize(2);
    }

    @Test
    void windowsAreSizedByRowsFromTheCountAheadThenFromWhatEachWindowHeld() {
        // 100 rows between 0 and 990: a window of 10 rows spans 100 ms.
        jdbc.thenRows(count(100, 0, 990))
                .thenRows(rows("d1", 0L, "d1", 50L))
                .thenRows(rows("d1", 60L, "d1", 70L, "d1", 80L, "d1", 90L, "d1", 100L));
        StableQuerier querier = querier(schema(false), positions("d1", null), 100, 10);

        querier.poll(connection, NOW, NOW);
        // No lower bound yet: the window ends 10 rows' worth (99 ms) after the first row, at 0 - 1 + 99.
        assertThat(jdbc.lastStatement()).contains("`ts` <= 98 PARTITION BY");
        querier.poll(connection, NOW, NOW);

        // The first window held 2 rows where 10 were wanted: the next one spans 5 times as long (at most 8).
        assertThat(jdbc.lastStatement()).contains("AND `ts` > 50 AND `ts` <= 545 PARTITION BY");
    }

    @Test
    void emptyWindowBeforeNowCountsAgainToCrossTheGap() {
        jdbc.thenRows(count(100, 0, 990))
                .thenRows(List.of())
                .thenRows(count(1, 5000, 5000))
                .thenRows(rows("d1", 5000L));
        StableQuerier querier = querier(schema(false), positions("d1", null), 100, 10);

        querier.poll(connection, NOW, NOW);
        List<SourceRecord> records = querier.poll(connection, NOW, NOW).records();

        assertThat(jdbc.statements().get(2)).startsWith("SELECT COUNT(*)");
        assertThat(keysAndTimes(records)).containsExactly("d1@5000");
    }

    @Test
    void subtableWithoutPositionAmongOthersIsReadAloneThenRejoins() {
        List<Object[]> d2 = new ArrayList<>();
        d2.add(new Object[] {new Timestamp(700), 1, "x"});
        jdbc.answering(sql -> sql.startsWith("SELECT *,`loc` FROM `power`.`d2`") ? d2 : List.of());
        StableQuerier querier =
                querier(schema(false), positions("d1", new TablePosition(500, 1), "d2", null), 100, 1000);

        querier.poll(connection, NOW, NOW);
        assertThat(jdbc.lastStatement()).as("the shared query leaves d2 out").contains("tbname IN ('d1') AND");
        List<SourceRecord> alone = querier.poll(connection, NOW, NOW).records();

        assertThat(jdbc.lastStatement()).startsWith("SELECT *,`loc` FROM `power`.`d2` WHERE `ts` <= 1000000");
        assertThat(keysAndTimes(alone)).containsExactly("d2@700");
        querier.poll(connection, NOW + 1000, NOW + 1000);
        assertThat(jdbc.lastStatement())
                .as("d2's position (700) passed the shared lower bound (500): d2 rejoined")
                .contains("tbname IN ('d1','d2') AND `ts` > 500");
    }

    @Test
    void subtableWithoutRowsWhileOthersMoveIsReadAloneSoItDoesNotHoldTheWindowBack() {
        jdbc.thenRows(count(100, 10, 990)).thenRows(rows("d1", 10L, "d1", 90L));
        StableQuerier querier = querier(
                schema(false), positions("d1", new TablePosition(5, 1), "d2", new TablePosition(5, 1)), 100, 10);

        querier.poll(connection, NOW, NOW);
        querier.poll(connection, NOW, NOW);
        querier.poll(connection, NOW, NOW);
        assertThat(jdbc.statements())
                .as("d2 read alone, and the shared window moved on from d1's position")
                .anyMatch(sql -> sql.startsWith("SELECT *,`loc` FROM `power`.`d2` WHERE `ts` > 5"))
                .anyMatch(sql -> sql.contains("tbname IN ('d1') AND `ts` > 90"));
    }

    @Test
    void reconnectedStepReopensTheWindowFromThePositionsHandedOut() {
        jdbc.thenRows(count(3, 10, 30))
                .thenRows(rows("d1", 10L, "d1", 20L, "d1", 30L))
                .thenRows(rows("d1", 20L, "d1", 30L));
        StableQuerier querier = querier(schema(false), positions("d1", new TablePosition(5, 1)), 2, 1000);

        querier.poll(connection, NOW, NOW);
        List<SourceRecord> records = querier.poll(jdbc.connection(), NOW, NOW).records();

        assertThat(jdbc.lastStatement()).contains("`ts` > 20 AND");
        assertThat(keysAndTimes(records)).containsExactly("d1@30");
    }

    @Test
    void failedQueryHandsOutNothingAndIsSentAgainFromTheSamePositions() {
        jdbc.thenRows(count(2, 10, 20))
                .thenFail(new SQLException("connection reset", "08000", 0))
                .thenRows(rows("d1", 10L, "d1", 20L));
        StableQuerier querier = querier(schema(false), positions("d1", new TablePosition(5, 1)), 100, 1000);

        assertThatThrownBy(() -> querier.poll(connection, NOW, NOW)).isInstanceOf(TDengineException.class);
        List<SourceRecord> records = querier.poll(jdbc.connection(), NOW, NOW).records();

        assertThat(jdbc.lastStatement()).contains("`ts` > 5 AND");
        assertThat(keysAndTimes(records)).containsExactly("d1@10", "d1@20");
    }

    @Test
    void addedColumnIsDescribedAgainAndTheWindowReQueried() {
        TableSchema wider = new TableSchema(
                "power",
                "meters",
                TimestampUnit.MS,
                List.of(
                        new ColumnDef("ts", TdengineColumnType.parse("TIMESTAMP"), Role.TIMESTAMP),
                        new ColumnDef("v", TdengineColumnType.parse("INT"), Role.COLUMN),
                        new ColumnDef("w", TdengineColumnType.parse("INT"), Role.COLUMN),
                        new ColumnDef("loc", TdengineColumnType.parse("NCHAR(8)"), Role.TAG)));
        List<Object[]> widerRow = new ArrayList<>();
        widerRow.add(new Object[] {new Timestamp(10), 1, 2, "x", "d1"});
        jdbc.thenRows(count(1, 10, 10)).thenRows(widerRow).thenRows(widerRow);
        StableQuerier querier =
                new StableQuerier(schema(false), c -> wider, positions("d1", null), settings(100, 1000));

        assertThat(querier.poll(connection, NOW, NOW).records()).isEmpty();
        List<SourceRecord> records = querier.poll(connection, NOW, NOW).records();

        assertThat(records).singleElement().extracting(SourceRecord::value).isEqualTo("meters,loc=x v=1i32,w=2i32 10");
    }

    @Test
    void sharedWindowEndsAtUntilNotAtNow() {
        jdbc.thenRows(count(1, 60, 60)).thenRows(rows("d1", 60L));
        StableQuerier querier = querier(schema(false), positions("d1", new TablePosition(50, 1)), 100, 1000);

        QueryResult result = querier.poll(connection, NOW, 800);

        assertThat(jdbc.statements()).allMatch(sql -> sql.contains("`ts` > 50 AND `ts` <= 800"));
        assertThat(result.caughtUp()).as("the window reached until").isTrue();
    }
}
