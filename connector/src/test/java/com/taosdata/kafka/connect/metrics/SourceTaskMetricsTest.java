package com.taosdata.kafka.connect.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class SourceTaskMetricsTest {

    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    private final ManualTime time = new ManualTime(1_000_000);
    private final SourceTaskMetrics metrics = SourceTaskMetrics.unpublished(time, true);

    @Test
    void aReadCountsItsRowsAndItsLatency() {
        metrics.read(500, 20_000_000);
        metrics.read(0, 40_000_000);

        assertThat(metrics.value("rows-read-total")).isEqualTo(500.0);
        assertThat(metrics.value("read-latency-avg")).isEqualTo(30.0);
        assertThat(metrics.value("read-latency-max")).isEqualTo(40.0);
    }

    @Test
    void retriesAreCounted() {
        metrics.retried();
        metrics.retried();

        assertThat(metrics.value("retries-total")).isEqualTo(2.0);
    }

    @Test
    void msBehindIsUnknownBeforeTheFirstRead() {
        assertThat(metrics.value("ms-behind")).isNaN();
    }

    @Test
    void msBehindGrowsFromTheNewestRowHandedOutWhileRowsAreLeft() {
        metrics.behindSince(time.milliseconds() - 5_000);

        assertThat(metrics.value("ms-behind")).isEqualTo(5_000.0);
        time.advance(1_000);
        assertThat(metrics.value("ms-behind")).isEqualTo(6_000.0);
    }

    @Test
    void msBehindIsZeroOnceCaughtUp() {
        metrics.behindSince(time.milliseconds() - 5_000);
        metrics.caughtUp();
        time.advance(60_000);

        assertThat(metrics.value("ms-behind")).isZero();
    }

    @Test
    void aRowFromTheFutureIsNotBehind() {
        metrics.behindSince(time.milliseconds() + 5_000);

        assertThat(metrics.value("ms-behind")).isZero();
    }

    @Test
    void offsetLagIsTheLastCountReportedAndUnknownWhenTDengineCouldNotTell() {
        assertThat(metrics.value("tmq-offset-lag")).isNaN();
        metrics.offsetLag(12);
        assertThat(metrics.value("tmq-offset-lag")).isEqualTo(12.0);
        metrics.offsetLag(-1);
        assertThat(metrics.value("tmq-offset-lag")).isNaN();
    }

    @Test
    void queryModeHasNoOffsetLag() throws JMException {
        SourceTaskMetrics query = SourceTaskMetrics.register("metrics-query", "1", false);
        try {
            ObjectName name = new ObjectName("tdconnect:type=source-task-metrics,connector=metrics-query,task=1");
            assertThat(SinkTaskMetricsTest.attributes(name))
                    .containsExactlyInAnyOrder(
                            "rows-read-rate",
                            "rows-read-total",
                            "read-latency-avg",
                            "read-latency-max",
                            "read-latency-p99",
                            "retries-rate",
                            "retries-total",
                            "ms-behind");
        } finally {
            query.close();
        }
    }

    @Test
    void subscriptionModeAddsTheOffsetLagAndClosingRemovesTheBean() throws JMException {
        SourceTaskMetrics subscription = SourceTaskMetrics.register("metrics-tmq", "0", true);
        ObjectName name = new ObjectName("tdconnect:type=source-task-metrics,connector=metrics-tmq,task=0");
        assertThat(SinkTaskMetricsTest.attributes(name)).contains("tmq-offset-lag", "ms-behind");

        subscription.close();

        assertThat(SERVER.isRegistered(name)).isFalse();
    }
}
