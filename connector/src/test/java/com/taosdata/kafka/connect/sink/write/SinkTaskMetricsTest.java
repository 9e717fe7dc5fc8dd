package com.taosdata.kafka.connect.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SinkTaskMetricsTest {

    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    private final SinkTaskMetrics metrics = new SinkTaskMetrics();

    @AfterEach
    void unregister() {
        metrics.unregister();
    }

    @Test
    void registersUnderTheConnectorAndTaskAsKafkaNamesThem() throws JMException {
        metrics.register("metrics-sink", "3");

        ObjectName name = new ObjectName("com.taosdata.kafka.connect:type=sink-task-metrics,connector=metrics-sink,task=3");
        assertThat(SERVER.isRegistered(name)).isTrue();
        assertThat(SERVER.getAttribute(name, "RecordsWritten")).isEqualTo(0L);
    }

    @Test
    void aConnectorNameWithSpecialCharactersIsQuoted() throws JMException {
        metrics.register("sink,a=b", "0");

        ObjectName name = new ObjectName("com.taosdata.kafka.connect:type=sink-task-metrics,connector="
                + ObjectName.quote("sink,a=b") + ",task=0");
        assertThat(SERVER.isRegistered(name)).isTrue();
    }

    @Test
    void attributesShowTheCounters() throws JMException {
        metrics.register("metrics-attrs", "0");
        metrics.batchWritten(3, 7, 2_000_000);
        metrics.batchWritten(1, 1, 4_000_000);
        metrics.retried();
        metrics.recordDeadLettered();
        metrics.recordDeadLettered();
        metrics.tombstoneSkipped();
        metrics.bufferedLines(() -> 42L);

        ObjectName name = new ObjectName("com.taosdata.kafka.connect:type=sink-task-metrics,connector=metrics-attrs,task=0");
        assertThat(SERVER.getAttribute(name, "RecordsWritten")).isEqualTo(4L);
        assertThat(SERVER.getAttribute(name, "LinesWritten")).isEqualTo(8L);
        assertThat(SERVER.getAttribute(name, "BatchesWritten")).isEqualTo(2L);
        assertThat(SERVER.getAttribute(name, "Retries")).isEqualTo(1L);
        assertThat(SERVER.getAttribute(name, "RecordsDeadLettered")).isEqualTo(2L);
        assertThat(SERVER.getAttribute(name, "TombstonesSkipped")).isEqualTo(1L);
        assertThat(SERVER.getAttribute(name, "WriteLatencyAvgMs")).isEqualTo(3.0);
        assertThat(SERVER.getAttribute(name, "WriteLatencyMaxMs")).isEqualTo(4.0);
        assertThat(SERVER.getAttribute(name, "BufferedLines")).isEqualTo(42L);
    }

    @Test
    void averageLatencyIsZeroBeforeAnyBatch() {
        assertThat(metrics.getWriteLatencyAvgMs()).isZero();
        assertThat(metrics.getBufferedLines()).isZero();
    }

    @Test
    void unregisterRemovesTheBean() throws JMException {
        metrics.register("metrics-gone", "0");

        metrics.unregister();

        assertThat(SERVER.isRegistered(new ObjectName(
                "com.taosdata.kafka.connect:type=sink-task-metrics,connector=metrics-gone,task=0"))).isFalse();
    }

    @Test
    void aRestartedTaskReplacesTheBeanOfItsPredecessor() throws JMException {
        SinkTaskMetrics predecessor = new SinkTaskMetrics();
        predecessor.register("metrics-restart", "0");
        predecessor.recordDeadLettered();

        metrics.register("metrics-restart", "0");

        ObjectName name = new ObjectName("com.taosdata.kafka.connect:type=sink-task-metrics,connector=metrics-restart,task=0");
        assertThat(SERVER.getAttribute(name, "RecordsDeadLettered")).isEqualTo(0L);
    }
}
