package com.taosdata.kafka.connect.source.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.taosdata.kafka.connect.connection.ConnectionFactory;
import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.connection.TDengineSession;
import com.taosdata.kafka.connect.metrics.ManualTime;
import com.taosdata.kafka.connect.metrics.SourceTaskMetrics;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

class QueryReaderTest {

    private static final TableSchema SCHEMA = new TableSchema(
            "power",
            "meters",
            TimestampUnit.MS,
            List.of(
                    new ColumnDef("ts", TdengineColumnType.parse("TIMESTAMP"), Role.TIMESTAMP),
                    new ColumnDef("v", TdengineColumnType.parse("INT"), Role.COLUMN)));

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final List<Long> sleeps = new ArrayList<>();
    private final FakeJdbc jdbc = new FakeJdbc();
    private final ConnectionFactory factory = mock(ConnectionFactory.class);
    private final ManualTime time = new ManualTime(1_000_000);
    private final SourceTaskMetrics metrics = SourceTaskMetrics.unpublished(time, false);

    private QueryReader reader(int fetchMaxRows, String... tables) {
        when(factory.open(any())).thenAnswer(invocation -> jdbc.connection());
        List<TableQuerier> queriers = new ArrayList<>();
        for (String table : tables) {
            queriers.add(new TableQuerier(
                    table,
                    SCHEMA,
                    connection -> SCHEMA,
                    null,
                    new QuerySettings(
                            null,
                            0,
                            fetchMaxRows,
                            WindowSizer.WINDOW_ROWS,
                            1000,
                            new TopicNaming("", "-", true, false, "power"),
                            RowFormatters.create(OutFormat.LINE, TimestampUnit.MS))));
        }
        return new QueryReader(
                queriers,
                new TDengineSession(factory, "power"),
                new RetryPolicy(2, 50, sleeps::add),
                clock::get,
                sleeps::add,
                1000,
                fetchMaxRows,
                new ReadHorizon(0),
                metrics);
    }

    private static List<Object[]> rows(long... timestamps) {
        List<Object[]> rows = new ArrayList<>();
        for (long ts : timestamps) {
            rows.add(new Object[] {new Timestamp(ts), 1});
        }
        return rows;
    }

    @Test
    void visitsEveryTableOnceAPollAndWaitsWhenAllCaughtUp() throws Exception {
        jdbc.thenRows(rows(10)).thenRows(rows(20));
        QueryReader reader = reader(100, "d1", "d2");
        assertThat(reader.poll()).extracting(r -> r.key()).containsExactly("d1", "d2");
        assertThat(sleeps).isEmpty();
        assertThat(reader.poll()).isEmpty();
        assertThat(sleeps).containsExactly(1000L);
        assertThat(jdbc.statements()).hasSize(2);
    }

    @Test
    void caughtUpTableIsQueriedAgainAfterThePollInterval() throws Exception {
        QueryReader reader = reader(100, "d1");
        reader.poll();
        clock.addAndGet(999);
        reader.poll();
        assertThat(jdbc.statements()).hasSize(1);
        clock.addAndGet(1);
        reader.poll();
        assertThat(jdbc.statements()).hasSize(2);
    }

    @Test
    void fullBatchKeepsTheTableDueAndStopsThePoll() throws Exception {
        jdbc.thenRows(rows(10, 11)).thenRows(rows(12));
        QueryReader reader = reader(2, "d1", "d2");
        assertThat(reader.poll()).hasSize(2);
        assertThat(jdbc.statements()).hasSize(1);
        reader.poll();
        assertThat(jdbc.statements()).hasSize(3);
        assertThat(jdbc.statements().get(1)).contains("`d2`");
        assertThat(jdbc.statements().get(2)).contains("`d1`").contains("`ts` > 11");
    }

    @Test
    void transientErrorIsRetriedOnANewConnection() throws Exception {
        jdbc.thenFail(new SQLException("connection reset", "08000", 0)).thenRows(rows(10));
        QueryReader reader = reader(100, "d1");
        assertThat(reader.poll()).hasSize(1);
        assertThat(sleeps).containsExactly(50L);
        verify(factory, times(2)).open("power");
    }

    @Test
    void persistentTransientErrorFailsTheTaskWithTheCauseAfterTheRetries() {
        SQLException cause = new SQLException("connection reset", "08000", 0);
        jdbc.thenFail(cause).thenFail(cause).thenFail(cause);
        QueryReader reader = reader(100, "d1");
        assertThatThrownBy(reader::poll)
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("querying table d1 failed after 3 attempt(s)")
                .hasRootCause(cause);
    }

    @Test
    void fatalErrorFailsAtOnce() {
        jdbc.thenFail(new SQLException("syntax error", "42000", 0x2600 | 0x80000000));
        QueryReader reader = reader(100, "d1");
        assertThatThrownBy(reader::poll).isInstanceOf(TDengineException.class).hasMessageContaining("power.d1");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void droppedTableIsSkippedNotFatal() throws Exception {
        jdbc.thenFail(new SQLException("Table does not exist", "42000", 0x2603 | 0x80000000))
                .thenRows(rows(10));
        QueryReader reader = reader(100, "gone", "d2");
        assertThat(reader.poll()).extracting(r -> r.key()).containsExactly("d2");
        clock.addAndGet(1000);
        reader.poll();
        assertThat(jdbc.statements().get(2)).contains("`gone`");
    }

    @Test
    void everyQueryCountsItsRowsAndLatency() throws Exception {
        jdbc.thenRows(rows(10)).thenRows(rows(20, 21));
        QueryReader reader = reader(100, "d1", "d2");

        reader.poll();

        assertThat(metrics.value("rows-read-total")).isEqualTo(3.0);
        assertThat(metrics.value("read-latency-max")).isNotNaN();
    }

    @Test
    void retriesAreCounted() throws Exception {
        jdbc.thenFail(new SQLException("connection reset", "08000", 0)).thenRows(rows(10));
        QueryReader reader = reader(100, "d1");

        reader.poll();

        assertThat(metrics.value("retries-total")).isEqualTo(1.0);
    }

    @Test
    void msBehindIsUnknownUntilEveryTableWasReadOnce() throws Exception {
        jdbc.thenRows(rows(10, 11));
        QueryReader reader = reader(2, "d1", "d2");

        reader.poll();

        assertThat(metrics.value("ms-behind")).isNaN();
    }

    @Test
    void msBehindFollowsTheTableFurthestBehindAndIsZeroOnceAllCaughtUp() throws Exception {
        jdbc.thenRows(rows(10, 11)).thenRows(rows()).thenRows(rows(12, 13));
        QueryReader reader = reader(2, "d1", "d2");
        reader.poll();
        reader.poll();
        // d1 read up to 13 with rows left, d2 caught up.
        assertThat(metrics.value("ms-behind")).isEqualTo(1_000_000.0 - 13);
        time.advance(500);
        assertThat(metrics.value("ms-behind")).isEqualTo(1_000_500.0 - 13);

        reader.poll();

        assertThat(metrics.value("ms-behind")).isZero();
    }

    @Test
    void closedReaderReturnsNothing() throws Exception {
        QueryReader reader = reader(100, "d1");
        reader.close();
        assertThat(reader.poll()).isEqualTo(Collections.emptyList());
        assertThat(jdbc.statements()).isEmpty();
    }
}
