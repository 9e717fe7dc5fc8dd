package com.taosdata.kafka.connect.standin;

import java.math.BigInteger;

/**
 * The timestamps a vnode accepts at the moment of a write, as TDengine checks every row of a submit request before
 * applying any ({@code vnodeScanSubmitReq} in {@code vnodeSvr.c}): from now minus the database's KEEP (keep2) to
 * the precision's largest key. A row outside makes its vgroup's submit fail with "Timestamp data out of range".
 */
final class WritableTimeRange {
    private final BigInteger min;
    private final BigInteger max;

    private WritableTimeRange(BigInteger min, BigInteger max) {
        this.min = min;
        this.max = max;
    }

    /** The range as of now; a vnode takes "now" once per submit request. */
    static WritableTimeRange now(Database db) {
        DatabasePrecision precision = db.precision();
        BigInteger keepTicks = BigInteger.valueOf(db.options().keepMinutesForWrites())
                .multiply(BigInteger.valueOf(60 * precision.ticksPerSecond()));
        return new WritableTimeRange(
                BigInteger.valueOf(precision.now()).subtract(keepTicks), BigInteger.valueOf(precision.maxTicks()));
    }

    boolean contains(BigInteger ticks) {
        return ticks.compareTo(min) >= 0 && ticks.compareTo(max) <= 0;
    }
}
