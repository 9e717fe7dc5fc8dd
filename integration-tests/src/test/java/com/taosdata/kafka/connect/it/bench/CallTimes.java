package com.taosdata.kafka.connect.it.bench;

import java.util.Locale;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * How long the hand-written paths' schemaless calls took, summed over their threads: beside the sink's own
 * {@code batch-write-latency}, it tells whether a path is slow because TDengine answers each call slowly or because the
 * calls come too rarely.
 */
final class CallTimes {

    private static final LongAdder CALLS = new LongAdder();
    private static final LongAdder NANOS = new LongAdder();
    private static final LongAccumulator MAX_NANOS = new LongAccumulator(Math::max, 0);

    private CallTimes() {}

    static void reset() {
        CALLS.reset();
        NANOS.reset();
        MAX_NANOS.reset();
    }

    static void record(long nanos) {
        CALLS.increment();
        NANOS.add(nanos);
        MAX_NANOS.accumulate(nanos);
    }

    /** {@code 100 calls, 48.1 ms each on average, 95.0 ms at most} */
    static String summary() {
        long calls = CALLS.sum();
        return String.format(
                Locale.ROOT,
                "%d calls, %.1f ms each on average, %.1f ms at most",
                calls,
                calls == 0 ? 0.0 : NANOS.sum() / 1e6 / calls,
                MAX_NANOS.get() / 1e6);
    }
}
