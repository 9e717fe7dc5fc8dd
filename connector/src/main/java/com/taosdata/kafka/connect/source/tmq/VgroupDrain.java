package com.taosdata.kafka.connect.source.tmq;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A vgroup a subscription reader took over, drained before it is resumed (see {@link SubscriptionReader}). It is done
 * once two things hold. Nothing is left of a WAL entry: a message of it ended before the row limit, at the WAL's end, or
 * none came for {@link #QUIET_MS} ms. And the point Connect stored for it has not moved for {@link #QUIET_MS} ms: its
 * former reader may still be writing its last records, and their offsets, to Kafka when TDengine hands the vgroup over
 * (TMQ tells a consumer of a rebalance only at its next poll), and the vgroup resumes where they end.
 */
final class VgroupDrain {

    /** How long a vgroup stays silent, or its stored point unmoved, before the drain is done. */
    static final long QUIET_MS = 1_000;

    private final long handedOverAt;
    /** Since when no message that filled up to the row limit came: it may have ended inside an entry. */
    private long quietSinceMs;

    private boolean emptied;
    /** Connect's stored point at the last look, and since when it has not moved. */
    private ReadPosition stored;

    private long storedSinceMs;

    VgroupDrain(long handedOverAt, ReadPosition stored, long nowMs) {
        this.handedOverAt = handedOverAt;
        this.stored = stored;
        this.quietSinceMs = nowMs;
        this.storedSinceMs = nowMs;
    }

    /** Where TDengine handed the vgroup over. */
    long handedOverAt() {
        return handedOverAt;
    }

    /** A message of the vgroup came, with {@code rows} of the consumer's {@code messageRows}. */
    void message(int rows, int messageRows, long nowMs) {
        if (rows < messageRows) {
            emptied = true;
        } else {
            emptied = false;
            quietSinceMs = nowMs;
        }
    }

    /** Whether the drain is done; {@code storedNow} reads Connect's stored point again, once per quiet time. */
    boolean done(long nowMs, Supplier<ReadPosition> storedNow) {
        if (!emptied && nowMs - quietSinceMs >= QUIET_MS) {
            emptied = true;
        }
        if (!emptied || nowMs - storedSinceMs < QUIET_MS) {
            return false;
        }
        ReadPosition now = storedNow.get();
        if (Objects.equals(now, stored)) {
            return true;
        }
        stored = now;
        storedSinceMs = nowMs;
        return false;
    }
}
