package com.taosdata.kafka.connect.source.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableSelectionTest {

    private static final List<String> STABLES = List.of("meters", "weather");
    private static final List<SourceTable> TABLES = List.of(
            new SourceTable("d1", "meters"),
            new SourceTable("d2", "meters"),
            new SourceTable("w1", "weather"),
            SourceTable.normal("notes"));

    @Test
    void emptyListsSelectEverything() {
        TableSelection all = new TableSelection(List.of(), List.of());
        assertThat(all.tablesToQuery(TABLES)).hasSize(4);
        assertThat(all.tablesToSubscribe(STABLES, TABLES))
                .containsExactly(
                        SourceTable.superTable("meters"),
                        SourceTable.normal("notes"),
                        SourceTable.superTable("weather"));
    }

    @Test
    void stablesSelectTheirSubtables() {
        TableSelection selection = new TableSelection(List.of("meters"), List.of());
        assertThat(selection.tablesToQuery(TABLES))
                .extracting(SourceTable::name)
                .containsExactly("d1", "d2");
        assertThat(selection.tablesToSubscribe(STABLES, TABLES)).containsExactly(SourceTable.superTable("meters"));
    }

    @Test
    void tablesAddToStables() {
        TableSelection selection = new TableSelection(List.of("meters"), List.of("notes", "w1"));
        assertThat(selection.tablesToQuery(TABLES))
                .extracting(SourceTable::name)
                .containsExactly("d1", "d2", "notes", "w1");
        assertThat(selection.tablesToSubscribe(STABLES, TABLES))
                .containsExactly(
                        SourceTable.superTable("meters"),
                        SourceTable.normal("notes"),
                        new SourceTable("w1", "weather"));
    }

    @Test
    void unknownNamesAreReported() {
        TableSelection selection = new TableSelection(List.of("meters", "ghost"), List.of("nope"));
        assertThat(selection.missingStables(STABLES)).containsExactly("ghost");
        assertThat(selection.missingTables(TABLES)).containsExactly("nope");
    }
}
