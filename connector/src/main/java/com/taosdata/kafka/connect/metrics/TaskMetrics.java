package com.taosdata.kafka.connect.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.metrics.stats.Meter;
import org.apache.kafka.common.metrics.stats.Percentile;
import org.apache.kafka.common.metrics.stats.Percentiles;
import org.apache.kafka.common.utils.Time;

/**
 * One task's metrics, in a Kafka {@link Metrics} registry of its own that a {@link JmxReporter} publishes as
 * {@code tdconnect:type=<group>,connector=<name>,task=<id>}, one attribute per metric. The connector's own registry
 * rather than the worker's ({@code PluginMetrics}, which 3.7 workers do not offer), so every worker gets the same beans;
 * rates, averages and percentiles are Kafka's windowed ones (two 30-second samples). Closing removes the beans.
 */
public final class TaskMetrics implements AutoCloseable {

    /** The JMX domain of every bean of the plugin. */
    public static final String DOMAIN = "tdconnect";

    /** Latencies above this (in ms) count as this in the percentiles; Kafka's histograms need a top. */
    static final double LATENCY_HISTOGRAM_MAX_MS = 60_000;
    /** 1,000 buckets of a float each, narrowest near zero where most latencies lie. */
    private static final int LATENCY_HISTOGRAM_BYTES = 4_000;

    private final Metrics metrics;
    private final Time time;
    private final String group;
    private final Map<String, String> tags;

    private TaskMetrics(Metrics metrics, Time time, String group, String connector, String task) {
        this.metrics = metrics;
        this.time = time;
        this.group = group;
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("connector", connector);
        tags.put("task", task);
        this.tags = tags;
    }

    /** A registry published over JMX. */
    static TaskMetrics jmx(String group, String connector, String task) {
        JmxReporter reporter = new JmxReporter();
        reporter.configure(Map.of());
        List<MetricsReporter> reporters = List.of(reporter);
        return new TaskMetrics(
                new Metrics(new MetricConfig(), reporters, Time.SYSTEM, new KafkaMetricsContext(DOMAIN)),
                Time.SYSTEM,
                group,
                connector,
                task);
    }

    /** A registry of its own clock and no reporter, to read its metrics in tests. */
    static TaskMetrics unpublished(String group, String connector, String task, Time time) {
        return new TaskMetrics(new Metrics(new MetricConfig(), List.of(), time), time, group, connector, task);
    }

    /** {@code <name>-rate} per second and {@code <name>-total} of the values recorded. */
    Sensor meter(String name, String what) {
        Sensor sensor = metrics.sensor(name);
        sensor.add(new Meter(name(name + "-rate", what + " per second"), name(name + "-total", what + ", in total")));
        return sensor;
    }

    /** {@code <name>-avg}, {@code <name>-max} and {@code <name>-p99} of the latencies recorded, in milliseconds. */
    Latency latency(String name, String what) {
        Sensor sensor = metrics.sensor(name);
        sensor.add(name(name + "-avg", "average " + what + " in milliseconds"), new Avg());
        sensor.add(name(name + "-max", "longest " + what + " in milliseconds"), new Max());
        Sensor histogram = metrics.sensor(name + "-histogram");
        histogram.add(new Percentiles(
                LATENCY_HISTOGRAM_BYTES,
                LATENCY_HISTOGRAM_MAX_MS,
                Percentiles.BucketSizing.LINEAR,
                new Percentile(name(name + "-p99", "99th percentile of " + what + " in milliseconds"), 99)));
        return new Latency(sensor, histogram);
    }

    /** Latencies: the average and maximum of the values, the percentile of the values up to the histogram's top. */
    record Latency(Sensor sensor, Sensor histogram) {
        void record(long nanos, long nowMs) {
            double ms = nanos / 1e6;
            sensor.record(ms, nowMs);
            histogram.record(Math.min(ms, LATENCY_HISTOGRAM_MAX_MS), nowMs);
        }
    }

    /** The average of the values recorded, published as {@code name}. */
    Sensor avg(String name, String what) {
        Sensor sensor = metrics.sensor(name);
        sensor.add(name(name, what), new Avg());
        return sensor;
    }

    /** The largest of the values recorded, published as {@code name}. */
    Sensor max(String name, String what) {
        Sensor sensor = metrics.sensor(name);
        sensor.add(name(name, what), new Max());
        return sensor;
    }

    /** A value read when the metric is read, on the reader's thread: {@code value} must be safe to call from any. */
    void gauge(String name, String what, DoubleSupplier value) {
        metrics.addMetric(name(name, what), (Measurable) (config, now) -> value.getAsDouble());
    }

    /** The registry's clock, in milliseconds. */
    long nowMs() {
        return time.milliseconds();
    }

    private MetricName name(String name, String description) {
        return metrics.metricName(name, group, description, tags);
    }

    /** The current value of a metric of this task, for tests. */
    Object value(String name) {
        return metrics.metric(metrics.metricName(name, group, tags)).metricValue();
    }

    /** Removes every metric, and so the task's bean. */
    @Override
    public void close() {
        metrics.close();
    }
}
