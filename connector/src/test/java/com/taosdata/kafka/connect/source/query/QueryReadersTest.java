package com.taosdata.kafka.connect.source.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.taosdata.kafka.connect.connection.ConnectionFactory;
import com.taosdata.kafka.connect.connection.TDengineSession;
import com.taosdata.kafka.connect.metrics.SourceTaskMetrics;
import com.taosdata.kafka.connect.source.config.TDengineSourceConfig;
import com.taosdata.kafka.connect.source.table.SourceTable;
import com.taosdata.kafka.connect.testing.FakeJdbc;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.Test;

class QueryReadersTest {

    private final FakeJdbc jdbc = new FakeJdbc();
    private final OffsetStorageReader offsets = mock(OffsetStorageReader.class);
    private final List<Long> sleeps = new ArrayList<>();

    private QueryReader reader(Map<String, String> extra, SourceTable... tables) {
        ConnectionFactory factory = mock(ConnectionFactory.class);
        when(factory.open(any())).thenAnswer(invocation -> jdbc.connection());
        Map<String, String> props = new HashMap<>(Map.of(
                "connection.url",
                "jdbc:TAOS-RS://h:6041",
                "connection.database",
                "power",
                "read.method",
                "query",
                "topic.prefix",
                "td"));
        props.putAll(extra);
        return QueryReaders.create(
                new TDengineSourceConfig(props),
                List.of(tables),
                offsets,
                () -> 5_000_000L,
                sleeps::add,
                ZoneId.of("UTC"),
                new TDengineSession(factory, "power"),
                SourceTaskMetrics.unpublished(Time.SYSTEM, false));
    }

    private static List<Object[]> describeMeters() {
        return List.of(new Object[] {"ts", "TIMESTAMP", 8, ""}, new Object[] {"v", "INT", 4, ""}, new Object[] {
            "loc", "NCHAR", 8, "TAG"
        });
    }

    @Test
    void describesEachSuperTableOnceAndResumesFromStoredOffsets() throws Exception {
        when(offsets.offsets(anyCollection()))
                .thenReturn(Map.of(
                        Map.of("database", "power", "table", "d1"), Map.of("ts", 100L, "rows", 1L, "precision", "ms")));
        jdbc.thenRows(Collections.singletonList(new Object[] {"ms"}))
                .thenRows(describeMeters())
                .thenRows(Collections.singletonList(new Object[] {1L, new Timestamp(200), new Timestamp(200)}))
                .thenRows(Collections.singletonList(new Object[] {new Timestamp(200), 7, "x", "d1"}));
        QueryReader reader = reader(Map.of(), new SourceTable("d1", "meters"), new SourceTable("d2", "meters"));
        List<SourceRecord> records = reader.poll();
        assertThat(jdbc.statements())
                .containsExactly(
                        "SELECT `precision` FROM information_schema.ins_databases WHERE name = 'power'",
                        "DESCRIBE `power`.`meters`",
                        "SELECT COUNT(*),FIRST(`ts`),LAST(`ts`) FROM `power`.`meters` WHERE tbname IN ('d1') AND `ts` > 100 "
                                + "AND `ts` <= 5000000",
                        "SELECT *,tbname FROM `power`.`meters` WHERE tbname IN ('d1') AND `ts` > 100 AND `ts` <= 5000000 "
                                + "PARTITION BY tbname",
                        // A subtable without offset would take d1 back to the start if it shared d1's query: read
                        // alone.
                        "SELECT *,`loc` FROM `power`.`d2` WHERE `ts` <= 5000000 ORDER BY `ts` ASC LIMIT 100");
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.topic()).isEqualTo("td-power-meters");
            assertThat(r.value()).isEqualTo("meters,loc=x v=7i32 200000000");
        });
    }

    @Test
    void overAStreamingTransportAWindowReachesNowWithoutACount() throws Exception {
        when(offsets.offsets(anyCollection()))
                .thenReturn(Map.of(
                        Map.of("database", "power", "table", "d1"), Map.of("ts", 100L, "rows", 1L, "precision", "ms")));
        jdbc.thenRows(Collections.singletonList(new Object[] {"ms"}))
                .thenRows(describeMeters())
                .thenRows(Collections.singletonList(new Object[] {new Timestamp(200), 7, "x", "d1"}));
        List<SourceRecord> records = reader(
                        Map.of("connection.url", "jdbc:TAOS-WS://h:6041"), new SourceTable("d1", "meters"))
                .poll();
        assertThat(jdbc.statements())
                .containsExactly(
                        "SELECT `precision` FROM information_schema.ins_databases WHERE name = 'power'",
                        "DESCRIBE `power`.`meters`",
                        "SELECT *,tbname FROM `power`.`meters` WHERE tbname IN ('d1') AND `ts` > 100 AND `ts` <= 5000000 "
                                + "PARTITION BY tbname");
        assertThat(records).hasSize(1);
    }

    @Test
    void anOffsetSetToATimestampWithNoRowsSentResumesWithTheRowsAtIt() throws Exception {
        // What 'tdconnect offsets NAME --table d1 --from TIME' writes: the rows at 2000 ms itself are read again.
        when(offsets.offsets(anyCollection()))
                .thenReturn(Map.of(
                        Map.of("database", "power", "table", "d1"),
                        Map.of("ts", 2000L, "rows", 0L, "precision", "ms")));
        jdbc.thenRows(Collections.singletonList(new Object[] {"ms"}))
                .thenRows(List.of(new Object[] {"ts", "TIMESTAMP", 8, ""}, new Object[] {"n", "INT", 4, ""}));
        reader(Map.of(), SourceTable.normal("d1")).poll();
        assertThat(jdbc.lastStatement())
                .isEqualTo(
                        "SELECT * FROM `power`.`d1` WHERE `ts` > 1999 AND `ts` <= 5000000 ORDER BY `ts` ASC LIMIT 100");
    }

    @Test
    void initialTimestampBoundsTablesWithoutOffsets() throws Exception {
        jdbc.thenRows(Collections.singletonList(new Object[] {"us"})).thenRows(describeMeters());
        reader(Map.of("timestamp.initial", "1970-01-01 00:00:01"), new SourceTable("d1", "meters"))
                .poll();
        assertThat(jdbc.lastStatement()).contains("WHERE tbname IN ('d1') AND `ts` >= 1000000 AND `ts` <= 5000000000");
    }

    @Test
    void timestampDelayReadsUpToTheServersNowMinusTheDelayInTheDatabasePrecision() throws Exception {
        jdbc.thenRows(Collections.singletonList(new Object[] {"us"}))
                .thenRows(describeMeters())
                .thenRows(Collections.singletonList(new Object[] {new Timestamp(4_000_000)}));
        reader(Map.of("timestamp.delay.interval.ms", "30000"), new SourceTable("d1", "meters"))
                .poll();
        assertThat(jdbc.statements().get(2)).isEqualTo("SELECT NOW()");
        // The worker's clock says 5,000,000 ms; TDengine's says 4,000,000: the bound is 3,970,000 ms in microseconds.
        assertThat(jdbc.lastStatement()).contains("WHERE tbname IN ('d1') AND `ts` <= 3970000000");
    }

    @Test
    void superTableDroppedBeforeTheTaskStartedIsSkipped() throws Exception {
        jdbc.thenRows(Collections.singletonList(new Object[] {"ms"}))
                .thenFail(new SQLException("Table does not exist", "42000", 0x80002603))
                .thenRows(List.of(new Object[] {"ts", "TIMESTAMP", 8, ""}, new Object[] {"n", "INT", 4, ""}));
        QueryReader reader = reader(Map.of(), new SourceTable("d1", "gone"), SourceTable.normal("notes"));
        reader.poll();
        assertThat(jdbc.statements()).noneMatch(sql -> sql.contains("`d1`"));
        assertThat(jdbc.lastStatement()).contains("FROM `power`.`notes`");
    }
}
