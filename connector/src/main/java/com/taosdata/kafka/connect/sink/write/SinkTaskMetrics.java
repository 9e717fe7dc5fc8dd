package com.taosdata.kafka.connect.sink.write;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.kafka.common.utils.Sanitizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counters of one sink task, published over JMX while the task runs. */
public final class SinkTaskMetrics implements SinkTaskMetricsMBean {

    private static final Logger log = LoggerFactory.getLogger(SinkTaskMetrics.class);

    private final AtomicLong records = new AtomicLong();
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong tombstones = new AtomicLong();
    private final AtomicLong latencyTotalNanos = new AtomicLong();
    private final AtomicLong latencyMaxNanos = new AtomicLong();
    private volatile LongSupplier bufferedLines = () -> 0L;
    private ObjectName name;

    public void register(String connector, String task) {
        try {
            // Quoted only when the value needs it, as Kafka's own metrics do: connector=my-sink,task=0.
            name = new ObjectName("com.taosdata.kafka.connect:type=sink-task-metrics,connector="
                    + Sanitizer.jmxSanitize(connector) + ",task=" + Sanitizer.jmxSanitize(task));
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(this, name);
        } catch (JMException e) {
            // Metrics are for operators; a task that cannot publish them still writes correctly.
            log.warn("could not register JMX metrics for {} task {}", connector, task, e);
            name = null;
        }
    }

    public void unregister() {
        if (name == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (JMException e) {
            log.debug("could not unregister {}", name, e);
        }
        name = null;
    }

    public void bufferedLines(LongSupplier supplier) {
        this.bufferedLines = supplier;
    }

    void batchWritten(int recordCount, int lineCount, long nanos) {
        records.addAndGet(recordCount);
        lines.addAndGet(lineCount);
        batches.incrementAndGet();
        latencyTotalNanos.addAndGet(nanos);
        latencyMaxNanos.accumulateAndGet(nanos, Math::max);
    }

    void retried() {
        retries.incrementAndGet();
    }

    void recordDeadLettered() {
        deadLettered.incrementAndGet();
    }

    public void tombstoneSkipped() {
        tombstones.incrementAndGet();
    }

    @Override
    public long getRecordsWritten() {
        return records.get();
    }

    @Override
    public long getLinesWritten() {
        return lines.get();
    }

    @Override
    public long getBatchesWritten() {
        return batches.get();
    }

    @Override
    public long getRetries() {
        return retries.get();
    }

    @Override
    public long getRecordsDeadLettered() {
        return deadLettered.get();
    }

    @Override
    public long getTombstonesSkipped() {
        return tombstones.get();
    }

    @Override
    public double getWriteLatencyAvgMs() {
        long count = batches.get();
        return count == 0 ? 0.0 : latencyTotalNanos.get() / 1e6 / count;
    }

    @Override
    public double getWriteLatencyMaxMs() {
        return latencyMaxNanos.get() / 1e6;
    }

    @Override
    public long getBufferedLines() {
        return bufferedLines.getAsLong();
    }
}
