package com.taosdata.kafka.connect.source.tmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class VgroupDrainTest {

    private static final int ROWS = 4096;
    private static final long QUIET = VgroupDrain.QUIET_MS;

    private final AtomicInteger looks = new AtomicInteger();
    private ReadPosition stored = new ReadPosition(5, 2);
    private final Supplier<ReadPosition> storedNow = () -> {
        looks.incrementAndGet();
        return stored;
    };

    @Test
    void aDrainIsNotDoneBeforeTheStoredPointStayedForTheQuietTime() {
        VgroupDrain drain = new VgroupDrain(5, stored, 0);
        drain.message(10, ROWS, 100);

        assertThat(drain.done(QUIET - 1, storedNow)).isFalse();
        assertThat(looks).hasValue(0);
        assertThat(drain.done(QUIET, storedNow)).isTrue();
    }

    @Test
    void aSilentVgroupIsEmptiedAfterTheQuietTime() {
        VgroupDrain drain = new VgroupDrain(5, stored, 0);

        assertThat(drain.done(QUIET, storedNow)).isTrue();
    }

    @Test
    void aFullMessageStartsTheQuietTimeAgain() {
        VgroupDrain drain = new VgroupDrain(5, stored, 0);
        drain.message(ROWS, ROWS, 900);

        assertThat(drain.done(QUIET, storedNow)).isFalse();
        assertThat(drain.done(900 + QUIET, storedNow)).isTrue();
    }

    @Test
    void aMessageEndingBeforeTheRowLimitAfterAFullOneEmptiesIt() {
        VgroupDrain drain = new VgroupDrain(5, stored, 0);
        drain.message(ROWS, ROWS, 900);
        drain.message(10, ROWS, 950);

        assertThat(drain.done(QUIET, storedNow)).isTrue();
    }

    @Test
    void aStoredPointThatMovedIsWatchedForAnotherQuietTime() {
        VgroupDrain drain = new VgroupDrain(5, stored, 0);
        drain.message(10, ROWS, 100);
        stored = new ReadPosition(5, 9);

        assertThat(drain.done(QUIET, storedNow)).isFalse();
        assertThat(drain.done(2 * QUIET - 1, storedNow)).isFalse();
        assertThat(drain.done(2 * QUIET, storedNow)).isTrue();
        assertThat(looks).hasValue(2);
    }

    @Test
    void aVgroupConnectStoredNothingForIsDoneWhileNothingAppears() {
        stored = null;
        VgroupDrain drain = new VgroupDrain(7, null, 0);

        assertThat(drain.done(QUIET, storedNow)).isTrue();
        assertThat(drain.handedOverAt()).isEqualTo(7);
    }
}
