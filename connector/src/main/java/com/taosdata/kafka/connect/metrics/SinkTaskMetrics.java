package com.taosdata.kafka.connect.metrics;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.Time;

/**
 * What one sink task reports, as {@code tdconnect:type=sink-task-metrics,connector=<name>,task=<id>}. The writer
 * thread records writes, retries and ages; the task thread records dead-lettered records, tombstones and its buffer.
 */
public final class SinkTaskMetrics implements AutoCloseable {

    public static final String GROUP = "sink-task-metrics";

    private final TaskMetrics metrics;
    private final Sensor records;
    private final Sensor rows;
    private final Sensor bytes;
    private final Sensor batches;
    private final TaskMetrics.Latency latency;
    private final Sensor ageAvg;
    private final Sensor ageMax;
    private final Sensor retries;
    private final Sensor deadLettered;
    private final Sensor tombstones;
    /** Set by the task thread, read by JMX's. */
    private volatile long bufferedRows;

    private SinkTaskMetrics(TaskMetrics metrics) {
        this.metrics = metrics;
        records = metrics.meter("records-written", "records TDengine acknowledged");
        rows = metrics.meter("rows-written", "rows (schemaless lines or typed rows) TDengine acknowledged");
        bytes = metrics.meter("bytes-written", "bytes of lines or SQL text TDengine acknowledged");
        batches = metrics.meter("batches-written", "batches written");
        latency = metrics.latency("batch-write-latency", "time to write one batch, retries included");
        ageAvg = metrics.avg(
                "record-age-avg",
                "average age of the records of a batch when TDengine acknowledged it (now minus a record's timestamp),"
                        + " in milliseconds, over the batches written");
        ageMax = metrics.max(
                "record-age-max",
                "largest age of a record when TDengine acknowledged it (now minus the record's timestamp), in"
                        + " milliseconds");
        retries = metrics.meter("retries", "writes retried after a transient failure");
        deadLettered = metrics.meter("records-dead-lettered", "records sent to the dead letter queue");
        tombstones = metrics.meter("tombstones-skipped", "records with a null value skipped");
        metrics.gauge("buffered-rows", "rows waiting to be written", () -> bufferedRows);
    }

    /** Published over JMX until {@link #close()}. */
    public static SinkTaskMetrics register(String connector, String task) {
        return new SinkTaskMetrics(TaskMetrics.jmx(GROUP, connector, task));
    }

    /** Not published, on {@code time}: for tests, which read the values with {@link #value}. */
    public static SinkTaskMetrics unpublished(Time time) {
        return new SinkTaskMetrics(TaskMetrics.unpublished(GROUP, "test", "0", time));
    }

    /** A batch TDengine acknowledged; {@code nanos} spent writing it, retries included. */
    public void batchWritten(int recordCount, int rowCount, long byteCount, long nanos) {
        long now = metrics.nowMs();
        records.record(recordCount, now);
        rows.record(rowCount, now);
        bytes.record(byteCount, now);
        batches.record(1, now);
        latency.record(nanos, now);
    }

    /**
     * A batch TDengine acknowledged: the mean and the largest age of its records (now minus a record's timestamp).
     * Once per batch, not per record: a sensor takes a lock and checks quotas at every value, an eighth of the typed
     * writer thread's Java time when it ran per record (JFR).
     */
    public void batchAges(double meanAgeMs, long maxAgeMs, long nowMs) {
        ageAvg.record(meanAgeMs, nowMs);
        ageMax.record(maxAgeMs, nowMs);
    }

    /** The clock the ages are measured on. */
    public long nowMs() {
        return metrics.nowMs();
    }

    public void retried() {
        retries.record();
    }

    public void recordDeadLettered() {
        deadLettered.record();
    }

    public void tombstoneSkipped() {
        tombstones.record();
    }

    public void bufferedRows(long count) {
        bufferedRows = count;
    }

    /** A metric's current value, by its name (e.g. {@code records-written-total}). */
    public double value(String name) {
        return ((Number) metrics.value(name)).doubleValue();
    }

    @Override
    public void close() {
        metrics.close();
    }
}
