package com.taosdata.kafka.connect.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class SinkTaskMetricsTest {

    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();
    /** Kafka's default window: two samples of 30 s; a rate divides by the time they span. */
    private static final long WINDOW_MS = 30_000;

    private final ManualTime time = new ManualTime(1_000_000);
    private final SinkTaskMetrics metrics = SinkTaskMetrics.unpublished(time);

    @Test
    void aWrittenBatchCountsRecordsRowsBytesAndItself() {
        metrics.batchWritten(3, 7, 250, 2_000_000);
        metrics.batchWritten(1, 1, 50, 4_000_000);

        assertThat(metrics.value("records-written-total")).isEqualTo(4.0);
        assertThat(metrics.value("rows-written-total")).isEqualTo(8.0);
        assertThat(metrics.value("bytes-written-total")).isEqualTo(300.0);
        assertThat(metrics.value("batches-written-total")).isEqualTo(2.0);
    }

    @Test
    void ratesArePerSecondOverTheWindow() {
        metrics.batchWritten(600, 1200, 0, 0);
        time.advance(WINDOW_MS);

        assertThat(metrics.value("records-written-rate")).isCloseTo(20.0, within(0.01));
        assertThat(metrics.value("rows-written-rate")).isCloseTo(40.0, within(0.01));
    }

    @Test
    void batchLatencyHasAverageMaximumAndP99InMilliseconds() {
        for (int i = 1; i <= 100; i++) {
            metrics.batchWritten(1, 1, 1, i * 1_000_000L);
        }

        assertThat(metrics.value("batch-write-latency-avg")).isEqualTo(50.5);
        assertThat(metrics.value("batch-write-latency-max")).isEqualTo(100.0);
        // Kafka's histogram answers with its bucket's bound: near 99 ms at this resolution.
        assertThat(metrics.value("batch-write-latency-p99")).isCloseTo(99.0, within(6.0));
    }

    @Test
    void aLatencyBeyondTheHistogramCountsInFullInAverageAndMaximum() {
        metrics.batchWritten(1, 1, 1, 120_000_000_000L);

        assertThat(metrics.value("batch-write-latency-max")).isEqualTo(120_000.0);
        assertThat(metrics.value("batch-write-latency-p99")).isLessThanOrEqualTo(TaskMetrics.LATENCY_HISTOGRAM_MAX_MS);
    }

    @Test
    void recordAgeIsTheAverageOfTheBatchesMeansAndTheLargestOfTheirMaxima() {
        long now = metrics.nowMs();
        metrics.batchAges(1_000, 1_500, now);
        metrics.batchAges(2_000, 3_000, now);

        assertThat(metrics.value("record-age-avg")).isEqualTo(1_500.0);
        assertThat(metrics.value("record-age-max")).isEqualTo(3_000.0);
    }

    @Test
    void retriesDeadLettersAndTombstonesAreCounted() {
        metrics.retried();
        metrics.recordDeadLettered();
        metrics.recordDeadLettered();
        metrics.tombstoneSkipped();

        assertThat(metrics.value("retries-total")).isEqualTo(1.0);
        assertThat(metrics.value("records-dead-lettered-total")).isEqualTo(2.0);
        assertThat(metrics.value("tombstones-skipped-total")).isEqualTo(1.0);
    }

    @Test
    void bufferedRowsShowTheLastCountTheTaskReported() {
        metrics.bufferedRows(42);

        assertThat(metrics.value("buffered-rows")).isEqualTo(42.0);
    }

    @Test
    void aRegisteredTaskIsOneBeanNamedByConnectorAndTaskWithEveryMetricAsAnAttribute() throws JMException {
        SinkTaskMetrics registered = SinkTaskMetrics.register("metrics-sink", "3");
        try {
            registered.batchWritten(2, 5, 100, 1_000_000);

            ObjectName name = new ObjectName("tdconnect:type=sink-task-metrics,connector=metrics-sink,task=3");
            assertThat(SERVER.getAttribute(name, "records-written-total")).isEqualTo(2.0);
            assertThat(attributes(name))
                    .containsExactlyInAnyOrder(
                            "records-written-rate",
                            "records-written-total",
                            "rows-written-rate",
                            "rows-written-total",
                            "bytes-written-rate",
                            "bytes-written-total",
                            "batches-written-rate",
                            "batches-written-total",
                            "batch-write-latency-avg",
                            "batch-write-latency-max",
                            "batch-write-latency-p99",
                            "record-age-avg",
                            "record-age-max",
                            "retries-rate",
                            "retries-total",
                            "records-dead-lettered-rate",
                            "records-dead-lettered-total",
                            "tombstones-skipped-rate",
                            "tombstones-skipped-total",
                            "buffered-rows");
        } finally {
            registered.close();
        }
    }

    @Test
    void aConnectorNameWithSpecialCharactersIsQuoted() throws JMException {
        SinkTaskMetrics registered = SinkTaskMetrics.register("sink,a=b", "0");
        try {
            assertThat(SERVER.isRegistered(new ObjectName(
                            "tdconnect:type=sink-task-metrics,connector=" + ObjectName.quote("sink,a=b") + ",task=0")))
                    .isTrue();
        } finally {
            registered.close();
        }
    }

    @Test
    void closingRemovesTheBean() throws JMException {
        SinkTaskMetrics registered = SinkTaskMetrics.register("metrics-gone", "0");

        registered.close();

        assertThat(SERVER.queryNames(new ObjectName("tdconnect:connector=metrics-gone,*"), null))
                .isEmpty();
    }

    @Test
    void aRestartedTaskReplacesTheBeanOfItsPredecessor() throws JMException {
        SinkTaskMetrics predecessor = SinkTaskMetrics.register("metrics-restart", "0");
        predecessor.recordDeadLettered();

        SinkTaskMetrics successor = SinkTaskMetrics.register("metrics-restart", "0");
        try {
            ObjectName name = new ObjectName("tdconnect:type=sink-task-metrics,connector=metrics-restart,task=0");
            assertThat(SERVER.getAttribute(name, "records-dead-lettered-total")).isEqualTo(0.0);
        } finally {
            successor.close();
        }
    }

    static Set<String> attributes(ObjectName name) throws JMException {
        MBeanAttributeInfo[] infos = SERVER.getMBeanInfo(name).getAttributes();
        Set<String> names = new HashSet<>();
        for (MBeanAttributeInfo info : infos) {
            names.add(info.getName());
        }
        return names;
    }
}
