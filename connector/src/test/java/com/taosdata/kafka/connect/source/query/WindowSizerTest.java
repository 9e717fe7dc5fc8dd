package com.taosdata.kafka.connect.source.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.connection.Transport;
import org.junit.jupiter.api.Test;

class WindowSizerTest {

    private static final long UNTIL = 1_000_000;

    @Test
    void startsByCounting() {
        assertThat(new WindowSizer(10, 0).needsCount()).isTrue();
    }

    @Test
    void fewerRowsAheadThanAWindowHoldsReachUntil() {
        WindowSizer sizer = new WindowSizer(10, 0);
        sizer.counted(100L, 10, 200, 900);
        assertThat(sizer.needsCount()).isFalse();
        assertThat(sizer.upper(100L, UNTIL)).isEqualTo(UNTIL);
    }

    @Test
    void spanHoldsAboutAWindowOfRowsFromTheLowerBound() {
        WindowSizer sizer = new WindowSizer(10, 0);
        // 100 rows over the 1,000 ms after the lower bound: 10 rows span 100 ms.
        sizer.counted(0L, 100, 10, 1000);
        assertThat(sizer.upper(0L, UNTIL)).isEqualTo(100);
    }

    @Test
    void windowWithoutLowerBoundStartsJustBeforeTheFirstRowCounted() {
        WindowSizer sizer = new WindowSizer(10, 0);
        sizer.counted(null, 100, 0, 990);
        assertThat(sizer.upper(null, UNTIL)).isEqualTo(-1 + 99);
    }

    @Test
    void queryIntervalCapsTheSpan() {
        WindowSizer sizer = new WindowSizer(10, 50);
        sizer.counted(0L, 5, 10, 1000);
        assertThat(sizer.upper(0L, UNTIL)).isEqualTo(50);
    }

    @Test
    void windowNeverEndsAfterUntil() {
        WindowSizer sizer = new WindowSizer(10, 0);
        sizer.counted(0L, 100, 10, 1000);
        assertThat(sizer.upper(0L, 60)).isEqualTo(60);
        assertThat(sizer.upper(UNTIL + 5, UNTIL)).as("a lower bound past until").isEqualTo(UNTIL);
    }

    @Test
    void nextSpanFollowsTheRowsTheLastWindowHeldWithinAFactorOfEight() {
        WindowSizer sizer = new WindowSizer(10, 0);
        sizer.counted(0L, 100, 10, 1000);
        sizer.held(5);
        assertThat(sizer.upper(0L, UNTIL))
                .as("half the rows wanted: twice the span")
                .isEqualTo(200);
        sizer.held(1);
        assertThat(sizer.upper(0L, UNTIL)).as("a tenth: at most eight times").isEqualTo(1600);
        sizer.held(1000);
        assertThat(sizer.upper(0L, UNTIL))
                .as("a hundred times: at least an eighth")
                .isEqualTo(200);
    }

    @Test
    void resizedSpanStaysWithinTheQueryInterval() {
        WindowSizer sizer = new WindowSizer(10, 150);
        sizer.counted(0L, 100, 10, 1000);
        sizer.held(1);
        assertThat(sizer.upper(0L, UNTIL)).isEqualTo(150);
    }

    @Test
    void recountStartsOver() {
        WindowSizer sizer = new WindowSizer(10, 0);
        sizer.counted(0L, 100, 10, 1000);
        sizer.recount();
        assertThat(sizer.needsCount()).isTrue();
    }

    @Test
    void restSizesWindowsByRowsAndTheStreamingTransportsDoNot() {
        assertThat(WindowSizer.windowRows(Transport.REST)).isEqualTo(WindowSizer.WINDOW_ROWS);
        assertThat(WindowSizer.windowRows(Transport.NATIVE)).isEqualTo(WindowSizer.UNBOUNDED);
        assertThat(WindowSizer.windowRows(Transport.WEBSOCKET)).isEqualTo(WindowSizer.UNBOUNDED);
    }

    @Test
    void unboundedWindowReachesUntilWithoutACount() {
        WindowSizer sizer = new WindowSizer(WindowSizer.UNBOUNDED, 0);
        assertThat(sizer.needsCount()).isFalse();
        assertThat(sizer.upper(0L, UNTIL)).isEqualTo(UNTIL);
        assertThat(sizer.upper(null, UNTIL)).isEqualTo(UNTIL);
        sizer.recount();
        assertThat(sizer.needsCount()).as("nothing to count after a gap either").isFalse();
    }

    @Test
    void unboundedWindowIsStillCappedByTheQueryInterval() {
        WindowSizer sizer = new WindowSizer(WindowSizer.UNBOUNDED, 50);
        assertThat(sizer.needsCount()).isTrue();
        sizer.counted(0L, 1_000_000, 10, 1000);
        assertThat(sizer.upper(0L, UNTIL)).isEqualTo(50);
        sizer.held(1_000_000);
        assertThat(sizer.upper(0L, UNTIL)).isEqualTo(50);
    }
}
