package com.taosdata.kafka.connect.metrics;

import java.util.function.Supplier;
import org.apache.kafka.common.utils.Time;

/** A clock the test moves: rates and windows of Kafka's metrics then have exact values. */
public final class ManualTime implements Time {

    private long nowMs;

    public ManualTime(long nowMs) {
        this.nowMs = nowMs;
    }

    public void advance(long ms) {
        nowMs += ms;
    }

    @Override
    public long milliseconds() {
        return nowMs;
    }

    @Override
    public long nanoseconds() {
        return nowMs * 1_000_000;
    }

    @Override
    public void sleep(long ms) {
        nowMs += ms;
    }

    @Override
    public void waitObject(Object lock, Supplier<Boolean> condition, long deadlineMs) {
        throw new UnsupportedOperationException("no test waits on this clock");
    }
}
