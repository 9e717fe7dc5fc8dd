package com.taosdata.kafka.connect.source.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.testing.FakeJdbc;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableCatalogTest {

    @Test
    void listsSuperTablesAndTablesWithTheirSuperTable() {
        FakeJdbc jdbc = new FakeJdbc()
                .thenRows(Collections.singletonList(new Object[] {"meters"}))
                .thenRows(List.of(new Object[] {"d1001", "meters"}, new Object[] {"notes", null}));
        DatabaseContents contents = new TableCatalog("power").read(jdbc.connection());
        assertThat(jdbc.statements())
                .containsExactly(
                        "SHOW `power`.STABLES",
                        "SELECT table_name, stable_name FROM information_schema.ins_tables WHERE db_name = 'power'");
        assertThat(contents.stables()).containsExactly("meters");
        assertThat(contents.tables()).containsExactly(new SourceTable("d1001", "meters"), SourceTable.normal("notes"));
    }

    @Test
    void databaseNameIsALiteralNotRawSql() {
        assertThat(new TableCatalog("po'wer").tablesSql()).endsWith("db_name = 'po\\'wer'");
    }
}
