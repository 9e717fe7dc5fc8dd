package com.taosdata.kafka.connect.source.query;

/**
 * Computes the time range of a table's next query from its position, {@code timestamp.initial} and
 * {@code query.interval.ms}. With an interval of 0 the window reaches up to {@code until}; otherwise it spans at most
 * the interval past what has been read, and the caller remembers in {@code scannedTo} how far empty windows have been
 * scanned so gaps in the data are crossed window by window. The upper bound never passes {@code until} (now, or now
 * minus {@code timestamp.delay.interval.ms}: {@link ReadHorizon}), so rows stamped after it are read when their time
 * comes instead of moving the position past rows still to be written.
 */
public final class WindowPlanner {

    private final Long start;
    private final long interval;
    private final boolean compositeKey;

    /**
     * @param start        first timestamp to read (inclusive) when the table has no position, or {@code null}
     * @param interval     window span in the database's precision; 0 for unbounded
     * @param compositeKey whether rows of the table may share a timestamp
     */
    public WindowPlanner(Long start, long interval, boolean compositeKey) {
        this.start = start;
        this.interval = interval;
        this.compositeKey = compositeKey;
    }

    /** Whether the planner needs the table's first timestamp (as {@code scannedTo}) before it can plan. */
    public boolean needsFirstTimestamp(TablePosition position, Long scannedTo) {
        return interval > 0 && position == null && start == null && scannedTo == null;
    }

    public QueryBounds plan(TablePosition position, Long scannedTo, long until) {
        Long lower = null;
        boolean inclusive = false;
        long skip = 0;
        if (position != null) {
            lower = position.timestamp();
            inclusive = compositeKey;
            skip = compositeKey ? position.rowsAtTimestamp() : 0;
        } else if (start != null) {
            lower = start;
            inclusive = true;
        }
        if (scannedTo != null && (lower == null || scannedTo >= lower)) {
            // Every row up to scannedTo has been read: nothing at its timestamp is left to skip.
            lower = scannedTo;
            inclusive = false;
            skip = 0;
        }
        long upper = until;
        if (interval > 0) {
            if (lower == null) {
                throw new IllegalStateException("a bounded window needs a start: call needsFirstTimestamp first");
            }
            long base = inclusive ? lower - 1 : lower;
            upper = Math.min(until, base > Long.MAX_VALUE - interval ? Long.MAX_VALUE : base + interval);
        }
        return new QueryBounds(lower, inclusive, skip, upper);
    }

    /** Whether a window that returned fewer rows than asked for lets the next window start past its upper bound. */
    public boolean advancesPast(QueryBounds bounds, long until) {
        return interval > 0 && bounds.upper() < until;
    }
}
