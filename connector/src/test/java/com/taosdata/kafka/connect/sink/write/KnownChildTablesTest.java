package com.taosdata.kafka.connect.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.schemas.TdengineType;
import com.taosdata.kafka.connect.sink.row.TypedRow;
import com.taosdata.kafka.connect.sink.table.ColumnType;
import com.taosdata.kafka.connect.sink.table.StableColumn;
import com.taosdata.kafka.connect.sink.table.StableSchema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The child tables a task has written into: per database and super table, exact names, bounded. */
class KnownChildTablesTest {

    private static final List<StableColumn> DESCRIBED = List.of(
            new StableColumn("ts", ColumnType.of(TdengineType.TIMESTAMP), false),
            new StableColumn("groupid", ColumnType.of(TdengineType.INT), true));
    private static final StableSchema METERS = new StableSchema("power", "meters", DESCRIBED);

    private final KnownChildTables known = new KnownChildTables();

    private static TypedRow row(StableSchema schema, String child) {
        return new TypedRow(schema, child, 1L, new Object[] {1L}, new Object[0]);
    }

    @Test
    void aChildTableIsKnownOnceAddedUnderItsDatabaseAndSuperTableWithItsExactName() {
        known.add(List.of(row(METERS, "d1")));

        assertThat(known.contains(METERS, "d1")).isTrue();
        assertThat(known.contains(METERS, "D1")).isFalse();
        assertThat(known.contains(new StableSchema("power", "other", DESCRIBED), "d1"))
                .isFalse();
        assertThat(known.contains(new StableSchema("water", "meters", DESCRIBED), "d1"))
                .isFalse();
    }

    @Test
    void aSchemaAlteredSinceKeepsItsKnownChildTables() {
        known.add(List.of(row(METERS, "d1")));
        List<StableColumn> altered = new ArrayList<>(DESCRIBED);
        altered.add(1, new StableColumn("phase", ColumnType.of(TdengineType.DOUBLE), false));

        assertThat(known.contains(new StableSchema("power", "meters", altered), "d1"))
                .isTrue();
    }

    @Test
    void rowsContainAKnownOneWhenAnyOfThemIsInAKnownChildTable() {
        known.add(List.of(row(METERS, "d1")));

        assertThat(known.containsAny(List.of(row(METERS, "d2"), row(METERS, "d1"))))
                .isTrue();
        assertThat(known.containsAny(List.of(row(METERS, "d2")))).isFalse();
        assertThat(known.containsAny(List.of())).isFalse();
    }

    @Test
    void clearForgetsEveryTable() {
        known.add(List.of(row(METERS, "d1"), row(METERS, "d2")));

        known.clear();

        assertThat(known.size()).isZero();
        assertThat(known.contains(METERS, "d1")).isFalse();
    }

    @Test
    void pastTheLimitTheSetStartsOverInsteadOfGrowing() {
        List<TypedRow> rows = new ArrayList<>();
        for (int i = 0; i <= KnownChildTables.LIMIT; i++) {
            rows.add(row(METERS, "d" + i));
        }

        known.add(rows);

        assertThat(known.size()).isEqualTo(1);
        assertThat(known.contains(METERS, "d" + KnownChildTables.LIMIT)).isTrue();
        assertThat(known.contains(METERS, "d0")).isFalse();
    }
}
