package com.taosdata.kafka.connect.source.query;

/**
 * Sizes the windows of a query over several subtables by rows, not time: the first span comes from counting the
 * rows ahead, later ones from the rows the previous window held, so a window holds about {@code windowRows} rows
 * whatever the data's rate. {@code query.interval.ms} caps the span; the window never ends after {@code until}.
 */
final class WindowSizer {

    /** Rows a window is sized to hold: a few round trips' worth of driver blocks, few enough for REST's single response. */
    static final int WINDOW_ROWS = 50_000;

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

    /** Whether the next window needs the rows ahead counted first ({@link #counted}). */
    boolean needsCount() {
        return span == null;
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
