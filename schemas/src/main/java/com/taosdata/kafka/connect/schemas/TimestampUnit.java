package com.taosdata.kafka.connect.schemas;

import com.taosdata.kafka.connect.schemas.config.ConfigEnum;
import java.util.List;
import java.util.Locale;

/**
 * A unit of epoch time: the unit of numeric timestamps read from records ({@code s}, {@code ms}, {@code us},
 * {@code ns}) and the precision timestamps are written in ({@code ms}, {@code us}, {@code ns}).
 */
public enum TimestampUnit implements ConfigEnum.Named {
    S(1_000_000_000L),
    MS(1_000_000L),
    US(1_000L),
    NS(1L);

    private final long nanos;
    /** Kept: the source writes it into every record's offset. */
    private final String configValue;

    TimestampUnit(long nanos) {
        this.nanos = nanos;
        this.configValue = name().toLowerCase(Locale.ROOT);
    }

    /** The precisions a TDengine database can have: every unit but seconds. */
    public static List<TimestampUnit> precisions() {
        return List.of(MS, US, NS);
    }

    /** Nanoseconds in one unit. */
    public long nanosPerUnit() {
        return nanos;
    }

    /** The lower-case name used in configuration, e.g. {@code ms}. */
    @Override
    public String configValue() {
        return configValue;
    }

    /**
     * Converts {@code value}, counted in {@code from}, to this unit; coarser targets truncate towards negative
     * infinity so that a point in time never moves into the future.
     *
     * @throws ArithmeticException when the result does not fit a long
     */
    public long convert(long value, TimestampUnit from) {
        if (from.nanos == nanos) {
            return value;
        }
        if (from.nanos > nanos) {
            return Math.multiplyExact(value, from.nanos / nanos);
        }
        return Math.floorDiv(value, nanos / from.nanos);
    }

    /** Converts epoch milliseconds to this unit. */
    public long fromMillis(long millis) {
        return convert(millis, MS);
    }

    /** Converts an epoch second plus nano adjustment (as held by {@link java.time.Instant}) to this unit. */
    public long fromEpochSecond(long seconds, int nanoAdjustment) {
        long whole = Math.multiplyExact(seconds, S.nanos / nanos);
        return Math.addExact(whole, nanoAdjustment / nanos);
    }

    /** Parses a configuration value such as {@code us}, ignoring case. */
    public static TimestampUnit parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
