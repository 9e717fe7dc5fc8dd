package com.taosdata.kafka.connect.metrics;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.Time;

/**
 * What one source task reports, as {@code tdconnect:type=source-task-metrics,connector=<name>,task=<id>}. Recorded
 * on the thread that reads TDengine; the gauges are read on JMX's.
 *
 * <p>{@code ms-behind} is how far the task's position trails the newest rows: 0 once the reader found nothing more
 * to read up to now, otherwise the time since the timestamp of the newest row it handed out — the row's time in
 * TDengine, so data written with timestamps far in the past shows as far behind until it is read. A query knows when
 * a table has nothing more before now; a TMQ poll that returned rows cannot tell whether more wait, so under a steady
 * stream subscription mode shows the age of the newest row handed out, and {@code tmq-offset-lag} whether messages
 * wait.
 */
public final class SourceTaskMetrics implements AutoCloseable {

    public static final String GROUP = "source-task-metrics";

    /** {@link #behindSinceMs}: nothing known yet. */
    private static final long UNKNOWN = Long.MIN_VALUE;
    /** {@link #behindSinceMs}: nothing left to read. */
    private static final long CAUGHT_UP = Long.MAX_VALUE;

    private final TaskMetrics metrics;
    private final Sensor rows;
    private final TaskMetrics.Latency latency;
    private final Sensor retries;
    /** The timestamp (epoch ms) of the newest row handed out while rows are left to read, or a sentinel. */
    private volatile long behindSinceMs = UNKNOWN;

    private volatile double offsetLag = Double.NaN;

    private SourceTaskMetrics(TaskMetrics metrics, boolean subscription) {
        this.metrics = metrics;
        rows = metrics.meter("rows-read", "rows read from TDengine and handed to Connect");
        latency = metrics.latency(
                "read-latency",
                "time of one read: a query (query mode) or a TMQ poll "
                        + "(subscription mode, which waits up to poll.interval.ms for rows)");
        retries = metrics.meter("retries", "reads retried after a transient failure");
        metrics.gauge(
                "ms-behind",
                "milliseconds the task's position trails the newest row: 0 when nothing is left to "
                        + "read, otherwise now minus the timestamp of the newest row handed out",
                this::msBehind);
        if (subscription) {
            metrics.gauge(
                    "tmq-offset-lag",
                    "TMQ messages (WAL entries) between the task's positions and the ends of "
                            + "its vgroups, summed over the vgroups assigned to it",
                    () -> offsetLag);
        }
    }

    /** Published over JMX until {@link #close()}; {@code subscription} adds the TMQ gauges. */
    public static SourceTaskMetrics register(String connector, String task, boolean subscription) {
        return new SourceTaskMetrics(TaskMetrics.jmx(GROUP, connector, task), subscription);
    }

    /** Not published, on {@code time}: for tests, which read the values with {@link #value}. */
    public static SourceTaskMetrics unpublished(Time time, boolean subscription) {
        return new SourceTaskMetrics(TaskMetrics.unpublished(GROUP, "test", "0", time), subscription);
    }

    /** One read: {@code rowCount} rows in {@code nanos}. */
    public void read(int rowCount, long nanos) {
        long now = metrics.nowMs();
        rows.record(rowCount, now);
        latency.record(nanos, now);
    }

    public void retried() {
        retries.record();
    }

    /** Rows are left to read; the newest handed out has timestamp {@code newestRowMs}. */
    public void behindSince(long newestRowMs) {
        behindSinceMs = newestRowMs;
    }

    /** Nothing is left to read up to now. */
    public void caughtUp() {
        behindSinceMs = CAUGHT_UP;
    }

    /** TMQ messages left in the task's vgroups; negative when TDengine could not tell. */
    public void offsetLag(long messages) {
        offsetLag = messages < 0 ? Double.NaN : messages;
    }

    /** The clock of the registry, in epoch milliseconds. */
    public long nowMs() {
        return metrics.nowMs();
    }

    private double msBehind() {
        long since = behindSinceMs;
        if (since == UNKNOWN) {
            return Double.NaN;
        }
        return since == CAUGHT_UP ? 0 : Math.max(0, metrics.nowMs() - since);
    }

    /** A metric's current value, by its name (e.g. {@code rows-read-total}). */
    public double value(String name) {
        return ((Number) metrics.value(name)).doubleValue();
    }

    @Override
    public void close() {
        metrics.close();
    }
}
