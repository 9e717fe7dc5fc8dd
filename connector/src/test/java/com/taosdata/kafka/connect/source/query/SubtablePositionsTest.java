package com.taosdata.kafka.connect.source.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubtablePositionsTest {

    private static final long UNTIL = 1_000_000;

    private static SubtablePositions of(Object... tableThenPosition) {
        SubtablePositions positions = new SubtablePositions();
        for (int i = 0; i < tableThenPosition.length; i += 2) {
            positions.add((String) tableThenPosition[i], (TablePosition) tableThenPosition[i + 1]);
        }
        return positions;
    }

    @Test
    void windowStartsAfterTheLowestPosition() {
        SubtablePositions positions = of("d1", new TablePosition(100, 1), "d2", new TablePosition(50, 1));
        assertThat(positions.lowerBound(null, false, UNTIL)).isEqualTo(new QueryBounds(50L, false, 0, UNTIL));
    }

    @Test
    void withACompositeKeyTheWindowStartsAtTheLowestPositionToSkipWhatWasSentThere() {
        SubtablePositions positions = of("d1", new TablePosition(100, 3), "d2", new TablePosition(50, 2));
        assertThat(positions.lowerBound(null, true, UNTIL)).isEqualTo(new QueryBounds(50L, true, 0, UNTIL));
        assertThat(positions.sentAtPositions()).isEqualTo(Map.of("d1", 3L, "d2", 2L));
    }

    @Test
    void unreadSubtableTakesTheWindowBackToTheInitialTimestampOrTheFirstRow() {
        assertThat(of("d1", null).lowerBound(null, false, UNTIL)).isEqualTo(new QueryBounds(null, true, 0, UNTIL));
        assertThat(of("d1", null, "d2", new TablePosition(700, 1)).lowerBound(500L, false, UNTIL))
                .isEqualTo(new QueryBounds(500L, true, 0, UNTIL));
        assertThat(of("d1", null, "d2", new TablePosition(300, 1)).lowerBound(500L, false, UNTIL))
                .as("a read subtable behind timestamp.initial")
                .isEqualTo(new QueryBounds(300L, true, 0, UNTIL));
    }

    @Test
    void lowestIsWhatAJoiningSubtableMustHaveReached() {
        assertThat(of().lowest()).as("nobody to hold back").isNull();
        assertThat(of("d1", new TablePosition(100, 1), "d2", new TablePosition(50, 1))
                        .lowest())
                .isEqualTo(50L);
        assertThat(of("d1", new TablePosition(100, 1), "d2", null).lowest())
                .as("an unread subtable")
                .isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void idleSubtablesAreTheOnesAWindowDidNotMoveAndThatEndBeforeIt() {
        SubtablePositions positions = of(
                "d1",
                new TablePosition(100, 1),
                "d2",
                new TablePosition(50, 1),
                "d3",
                new TablePosition(900, 1),
                "d4",
                null);
        assertThat(positions.idle(Set.of("d1"), 800)).containsExactly("d2", "d4");
    }

    @Test
    void removedSubtableHandsBackItsPosition() {
        SubtablePositions positions = of("d1", new TablePosition(100, 1), "d2", new TablePosition(50, 1));
        assertThat(positions.remove("d2")).isEqualTo(new TablePosition(50, 1));
        assertThat(positions.names()).containsExactly("d1");
        assertThat(positions.lowest()).isEqualTo(100L);
    }
}
