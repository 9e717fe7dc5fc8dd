package com.taosdata.kafka.connect.source.query;

import com.taosdata.kafka.connect.connection.Transport;

/**
 * Sizes the windows of a query over several subtables by rows, not time: the first span comes from counting the
 * rows ahead, later ones from the rows the previous window held, so a window holds about {@code windowRows} rows
 * whatever the data's rate. {@code query.interval.ms} caps the span; the window never ends after {@code until}.
 *
 * <p>Over a transport that streams a result block by block (native, WebSocket) a window has no size in rows
 * ({@link #UNBOUNDED}): it reaches {@code until}, and without {@code query.interval.ms} no count is sent. Many small
 * windows cost the server more than one: measured on a real 3.3.6 (docs/benchmarks.md), taosd spent about 1.6 µs per
 * row on windows of 50,000 rows over 100 subtables against 1.1 µs on one query over the same rows (likely as each
 * window reads again the data blocks it shares with its neighbours).
 */
final class WindowSizer {

    /** Rows a window is sized to hold over REST: a few round trips' worth of driver blocks, in one HTTP response. */
    static final int WINDOW_ROWS = 50_000;

    /** No size in rows: a window reaches {@code until} (or the {@code query.interval.ms} span). */
    static final int UNBOUNDED = Integer.MAX_VALUE;

    /** How much one window's span may grow or shrink against the last one's: a burst of rows does not size the next. */
    private static final long MAX_RESIZE = 8;

    private final int windowRows;
    private final long interval;
    private Long span;
    /** Just before the first row counted, where a window without lower bound starts. */
    private long firstBase;

    /**
     * @param windowRows rows a window is sized to hold
     * @param interval   longest span in the database's precision; 0 for none
     */
    WindowSizer(int windowRows, long interval) {
        this.windowRows = windowRows;
        this.interval = interval;
    }

    /** Rows a window is sized to hold over {@code transport}: REST answers a query in one response, the others stream. */
    static int windowRows(Transport transport) {
        return transport == Transport.REST ? WINDOW_ROWS : UNBOUNDED;
    }

    /**
     * Whether the next window needs the rows ahead counted first ({@link #counted}): not when it is unbounded and
     * uncapped, as it then reaches {@code until} whatever a count says.
     */
    boolean needsCount() {
        return span == null && (windowRows != UNBOUNDED || interval > 0);
    }

    /**
     * Sizes the next window from a count of the rows from {@code lower} ({@code null}: from the first row) on:
     * {@code rows} (at least one) whose timestamps run from {@code first} to {@code last}.
     */
    void counted(Long lower, long rows, long first, long last) {
        firstBase = first - 1;
        long base = lower == null ? firstBase : lower;
        long estimate =
                rows <= windowRows ? Long.MAX_VALUE : Math.max(1, (long) ((double) (last - base) * windowRows / rows));
        span = capped(estimate);
    }

    /** The inclusive upper bound of a window that starts after {@code lower} ({@code null}: at the first row). */
    long upper(Long lower, long until) {
        if (span == null) {
            return until;
        }
        long base = lower == null ? firstBase : lower;
        return span >= until - base ? until : base + span;
    }

    /** Sizes the next window from the {@code rows} the last one held, at most {@value #MAX_RESIZE} times larger or smaller. */
    void held(long rows) {
        long resized = (long) Math.min((double) span * windowRows / rows, (double) span * MAX_RESIZE);
        span = capped(Math.max(Math.max(1, span / MAX_RESIZE), resized));
    }

    /** The next window starts from a count again: after a gap in the data, or when nothing moved. */
    void recount() {
        span = null;
    }

    private long capped(long estimate) {
        return interval > 0 ? Math.min(interval, estimate) : estimate;
    }
}
