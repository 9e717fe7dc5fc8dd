package com.taosdata.kafka.connect.sink.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.connection.ErrorKind;
import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.schemas.TdengineType;
import com.taosdata.kafka.connect.sink.record.EncodedRecord;
import com.taosdata.kafka.connect.sink.row.TypedRow;
import com.taosdata.kafka.connect.sink.table.ColumnType;
import com.taosdata.kafka.connect.sink.table.FakeSqlRunner;
import com.taosdata.kafka.connect.sink.table.StableCatalog;
import com.taosdata.kafka.connect.sink.table.StableColumn;
import com.taosdata.kafka.connect.sink.table.StableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Typed rows written in multi-table INSERTs: a child table's super table and tags are named until TDengine has
 * acknowledged rows for it; "table does not exist" recreates a dropped child table, and fails the task for a dropped
 * super table.
 */
class RowInserterTest {

    /** "Table does not exist", as 3.3.6.13 answers an INSERT into a missing child or super table over JNI. */
    private static final int TABLE_DOES_NOT_EXIST = 0x80002603;

    private final FakeSqlRunner sql = new FakeSqlRunner();
    private final StableCatalog catalog = new StableCatalog(sql, new RetryPolicy(0, 1, sleep -> {}));
    private final RowInserter inserter = new RowInserter(sql, catalog);
    private StableSchema meters;

    @BeforeEach
    void describeMeters() {
        sql.existing(
                "power",
                "meters",
                new StableColumn("ts", ColumnType.of(TdengineType.TIMESTAMP), false),
                new StableColumn("voltage", ColumnType.of(TdengineType.INT), false),
                new StableColumn("groupid", ColumnType.of(TdengineType.INT), true));
        meters = catalog.find("power", "meters").orElseThrow();
    }

    private EncodedRecord meter(String child, long ts) {
        SinkRecord record = new SinkRecord("meters", 0, null, null, null, null, ts);
        return EncodedRecord.typed(record, new TypedRow(meters, child, ts, new Object[] {7L}, new Object[] {220L}));
    }

    private static TDengineException tableGone() {
        return new TDengineException(TABLE_DOES_NOT_EXIST, ErrorKind.DATA, "Table does not exist", null);
    }

    @Test
    void aChildTableIsNamedWithItsSuperTableUntilRowsForItWereAcknowledged() {
        inserter.write("power", List.of(meter("d1", 1)));
        inserter.write("power", List.of(meter("d1", 2), meter("d2", 2)));

        assertThat(sql.inserts())
                .containsExactly(
                        "INSERT INTO `power`.`d1` USING `power`.`meters` (`groupid`) TAGS (7) (`ts`,`voltage`)"
                                + " VALUES (1,220)",
                        "INSERT INTO `power`.`d1` (`ts`,`voltage`) VALUES (2,220) `power`.`d2` USING `power`.`meters`"
                                + " (`groupid`) TAGS (7) (`ts`,`voltage`) VALUES (2,220)");
    }

    @Test
    void aChildTableOfAFailedStatementStaysUnknown() {
        sql.failWhen(statement -> sql.inserts().isEmpty()
                ? new TDengineException(0x80000b00, ErrorKind.TRANSIENT, "Sync leader is unreachable", null)
                : null);

        assertThatThrownBy(() -> inserter.write("power", List.of(meter("d1", 1))))
                .isInstanceOf(TDengineException.class)
                .hasMessage("Sync leader is unreachable");
        sql.failWhen(statement -> null);
        inserter.write("power", List.of(meter("d1", 1)));

        assertThat(sql.inserts()).singleElement().asString().contains("USING");
    }

    @Test
    void aKnownChildTableDroppedSinceIsCreatedAgainByWritingTheRowsWithTheirSuperTable() {
        inserter.write("power", List.of(meter("d1", 1), meter("d2", 1)));
        sql.failWhen(statement -> statement.contains("`d1` (") ? tableGone() : null);

        IsolatingBatchWriter.Written written = inserter.write("power", List.of(meter("d2", 2), meter("d1", 2)));

        assertThat(written.rows()).isEqualTo(2);
        assertThat(sql.inserts().get(1))
                .isEqualTo("INSERT INTO `power`.`d2` USING `power`.`meters` (`groupid`) TAGS (7) (`ts`,`voltage`)"
                        + " VALUES (2,220) `power`.`d1` USING `power`.`meters` (`groupid`) TAGS (7) (`ts`,`voltage`)"
                        + " VALUES (2,220)");
        assertThat(catalog.known("power", "meters")).isSameAs(meters);
    }

    @Test
    void aDroppedSuperTableFailsTheTaskWhenWritingWithItFailsTooAndIsDescribedAgainAfterwards() {
        inserter.write("power", List.of(meter("d1", 1)));
        AtomicInteger attempts = new AtomicInteger();
        sql.failWhen(statement -> {
            attempts.incrementAndGet();
            return tableGone();
        });

        assertThatThrownBy(() -> inserter.write("power", List.of(meter("d1", 2))))
                .isInstanceOfSatisfying(TDengineException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.FATAL);
                    assertThat(e.code()).isEqualTo(TABLE_DOES_NOT_EXIST);
                })
                .hasMessageContaining("a super table the sink writes into was dropped");
        assertThat(attempts).hasValue(2);
        assertThat(catalog.known("power", "meters")).isNull();
    }

    @Test
    void tableDoesNotExistForRowsNamingTheirSuperTableFailsTheTaskWithoutWritingAgain() {
        List<String> attempted = new ArrayList<>();
        sql.failWhen(statement -> {
            attempted.add(statement);
            return tableGone();
        });

        assertThatThrownBy(() -> inserter.write("power", List.of(meter("d1", 1))))
                .isInstanceOfSatisfying(
                        TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FATAL));
        assertThat(attempted).hasSize(1);
    }

    @Test
    void anyOtherErrorPassesThroughUnchanged() {
        TDengineException rejected = new TDengineException(0x80002600, ErrorKind.DATA, "syntax error near 'x'", null);
        sql.failWhen(statement -> rejected);

        assertThatThrownBy(() -> inserter.write("power", List.of(meter("d1", 1))))
                .isSameAs(rejected);
        assertThat(catalog.known("power", "meters")).isSameAs(meters);
    }
}
