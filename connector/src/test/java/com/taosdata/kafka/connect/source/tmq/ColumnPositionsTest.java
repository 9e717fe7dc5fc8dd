package com.taosdata.kafka.connect.source.tmq;

import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.schemas.source.TdengineColumnType;
import com.taosdata.kafka.connect.source.table.ColumnDef;
import com.taosdata.kafka.connect.source.table.ColumnDef.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnPositionsTest {

    private final ColumnPositions positions = new ColumnPositions(List.of(
            new ColumnDef("ts", TdengineColumnType.parse("TIMESTAMP"), Role.TIMESTAMP),
            new ColumnDef("v", TdengineColumnType.parse("INT"), Role.COLUMN),
            new ColumnDef("loc", TdengineColumnType.parse("NCHAR(8)"), Role.TAG)));

    @Test
    void eachColumnIsFoundByItsLabelWhereverTheRowHasIt() {
        assertThat(positions.in(new String[] {"tbname", "loc", "ts", "v"})).containsExactly(2, 3, 1);
    }

    @Test
    void aColumnTheRowLacksHasNoPosition() {
        assertThat(positions.in(new String[] {"ts", "loc"})).containsExactly(0, -1, 1);
    }

    @Test
    void anotherLabelsArrayIsLookedUpAgain() {
        positions.in(new String[] {"ts", "v", "loc"});

        assertThat(positions.in(new String[] {"loc", "v", "ts"})).containsExactly(2, 1, 0);
    }
}
