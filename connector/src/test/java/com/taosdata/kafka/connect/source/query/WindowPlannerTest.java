package com.taosdata.kafka.connect.source.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WindowPlannerTest {

    private static final long NOW = 10_000;

    @Test
    void unboundedWithoutPositionOrStartReadsEverythingUpToNow() {
        WindowPlanner planner = new WindowPlanner(null, 0, false);
        assertThat(planner.needsFirstTimestamp(null, null)).isFalse();
        assertThat(planner.plan(null, null, NOW)).isEqualTo(new QueryBounds(null, false, 0, NOW));
    }

    @Test
    void initialTimestampIsInclusive() {
        assertThat(new WindowPlanner(500L, 0, false).plan(null, null, NOW))
                .isEqualTo(new QueryBounds(500L, true, 0, NOW));
    }

    @Test
    void positionIsExclusiveForTablesWithUniqueTimestamps() {
        WindowPlanner planner = new WindowPlanner(500L, 0, false);
        assertThat(planner.plan(new TablePosition(700, 1), null, NOW)).isEqualTo(new QueryBounds(700L, false, 0, NOW));
    }

    @Test
    void compositeKeyTablesRestartAtTheTimestampAndSkipRowsAlreadySent() {
        WindowPlanner planner = new WindowPlanner(null, 0, true);
        assertThat(planner.plan(new TablePosition(700, 3), null, NOW)).isEqualTo(new QueryBounds(700L, true, 3, NOW));
    }

    @Test
    void intervalBoundsTheWindowAfterThePosition() {
        WindowPlanner planner = new WindowPlanner(null, 1000, false);
        assertThat(planner.plan(new TablePosition(2000, 1), null, NOW))
                .isEqualTo(new QueryBounds(2000L, false, 0, 3000));
    }

    @Test
    void intervalAfterAnInclusiveStartCountsFromJustBeforeIt() {
        WindowPlanner planner = new WindowPlanner(2000L, 1000, false);
        assertThat(planner.plan(null, null, NOW)).isEqualTo(new QueryBounds(2000L, true, 0, 2999));
    }

    @Test
    void windowNeverPassesNow() {
        WindowPlanner planner = new WindowPlanner(null, 1000, false);
        assertThat(planner.plan(new TablePosition(9500, 1), null, NOW).upper()).isEqualTo(NOW);
    }

    @Test
    void scannedEmptyWindowsMoveTheNextWindowOn() {
        WindowPlanner planner = new WindowPlanner(null, 1000, true);
        assertThat(planner.plan(new TablePosition(2000, 2), 4000L, NOW))
                .isEqualTo(new QueryBounds(4000L, false, 0, 5000));
    }

    @Test
    void scanBehindThePositionIsIgnored() {
        WindowPlanner planner = new WindowPlanner(null, 1000, true);
        assertThat(planner.plan(new TablePosition(2000, 2), 1500L, NOW))
                .isEqualTo(new QueryBounds(2000L, true, 2, 2999));
    }

    @Test
    void boundedWindowWithoutAnyStartNeedsTheFirstTimestamp() {
        WindowPlanner planner = new WindowPlanner(null, 1000, false);
        assertThat(planner.needsFirstTimestamp(null, null)).isTrue();
        assertThat(planner.needsFirstTimestamp(null, 99L)).isFalse();
        assertThatThrownBy(() -> planner.plan(null, null, NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyBoundedWindowsEndingBeforeNowAdvance() {
        WindowPlanner bounded = new WindowPlanner(null, 1000, false);
        assertThat(bounded.advancesPast(new QueryBounds(0L, false, 0, 1000), NOW))
                .isTrue();
        assertThat(bounded.advancesPast(new QueryBounds(9000L, false, 0, NOW), NOW))
                .isFalse();
        assertThat(new WindowPlanner(null, 0, false).advancesPast(new QueryBounds(0L, false, 0, 1000), NOW))
                .isFalse();
    }

    @Test
    void hugeIntervalDoesNotOverflow() {
        WindowPlanner planner = new WindowPlanner(null, Long.MAX_VALUE, false);
        assertThat(planner.plan(new TablePosition(5, 1), null, NOW).upper()).isEqualTo(NOW);
    }
}
