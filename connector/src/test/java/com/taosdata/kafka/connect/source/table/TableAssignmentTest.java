package com.taosdata.kafka.connect.source.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

class TableAssignmentTest {

    @Test
    void tablesGoRoundRobinInSortedOrder() {
        List<SourceTable> tables = List.of(
                new SourceTable("d3", "m"),
                new SourceTable("d1", "m"),
                new SourceTable("d2", "m"),
                new SourceTable("d4", "m"),
                new SourceTable("d5", "m"));
        assertThat(TableAssignment.spread(tables, 2))
                .containsExactly(
                        List.of(new SourceTable("d1", "m"), new SourceTable("d3", "m"), new SourceTable("d5", "m")),
                        List.of(new SourceTable("d2", "m"), new SourceTable("d4", "m")));
    }

    @Test
    void fewerTablesThanTasksGiveOneTablePerTask() {
        assertThat(TableAssignment.spread(List.of(SourceTable.normal("a"), SourceTable.normal("b")), 5))
                .hasSize(2);
        assertThat(TableAssignment.spread(List.of(), 5)).isEmpty();
    }

    @Test
    void encodingRoundTripsNamesWithCommasAndNormalTables() {
        List<SourceTable> tables = List.of(new SourceTable("odd,name", "meters"), SourceTable.normal("notes"));
        assertThat(TableAssignment.decode(TableAssignment.encode(tables))).isEqualTo(tables);
        // The same assignment must give the same task config string, or Connect restarts the tasks.
        assertThat(TableAssignment.encode(List.of(new SourceTable("d1", "meters"), new SourceTable("plain", null))))
                .isEqualTo("[{\"table\":\"d1\",\"stable\":\"meters\"},{\"table\":\"plain\"}]");
    }

    @Test
    void missingAssignmentIsEmpty() {
        assertThat(TableAssignment.decode(null)).isEmpty();
    }

    @Test
    void malformedAssignmentFailsWithTheKey() {
        assertThatThrownBy(() -> TableAssignment.decode("[{"))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining(TableAssignment.TASK_TABLES_CONFIG);
    }
}
