package com.taosdata.kafka.connect.it.bench;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import javax.management.Attribute;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The sink tasks' own counters, read from the worker over remote JMX: how a benchmark sees a sink finish without asking
 * TDengine. A {@code COUNT(*)} over rows still in the server's memory costs taosd about 30 ms per million rows, which
 * polled every 20–250 ms was a third to a half of the server CPU per row the benchmark used to print.
 */
final class WorkerJmx implements AutoCloseable {

    private static final String[] ATTRIBUTES = {
        "rows-written-total", "batches-written-total", "batch-write-latency-avg", "batch-write-latency-max"
    };

    private final JMXConnector connector;
    private final MBeanServerConnection server;

    private WorkerJmx(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.server = connector.getMBeanServerConnection();
    }

    static WorkerJmx connect(int port) throws IOException {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        return new WorkerJmx(JMXConnectorFactory.connect(url));
    }

    /**
     * What the {@code tasks} sink tasks of {@code connector} wrote so far: one call per task for the attributes of its
     * bean, named rather than searched for, since a search walks all of the worker's beans.
     */
    Written written(String connector, int tasks) throws IOException, JMException {
        long rows = 0;
        long batches = 0;
        double latencyMs = 0;
        double maxLatencyMs = 0;
        for (int task = 0; task < tasks; task++) {
            ObjectName bean =
                    new ObjectName("tdconnect:type=sink-task-metrics,connector=" + connector + ",task=" + task);
            Map<String, Object> values;
            try {
                values = new HashMap<>();
                for (Attribute attribute :
                        server.getAttributes(bean, ATTRIBUTES).asList()) {
                    values.put(attribute.getName(), attribute.getValue());
                }
            } catch (InstanceNotFoundException e) {
                // The task has not started yet.
                continue;
            }
            long taskBatches = number(values, "batches-written-total").longValue();
            rows += number(values, "rows-written-total").longValue();
            batches += taskBatches;
            // Kafka's windowed average (the last 30-60 s): the whole of a benchmark's run.
            latencyMs += taskBatches * number(values, "batch-write-latency-avg").doubleValue();
            maxLatencyMs = Math.max(
                    maxLatencyMs, number(values, "batch-write-latency-max").doubleValue());
        }
        return new Written(rows, batches, batches == 0 ? 0 : latencyMs / batches, maxLatencyMs);
    }

    /**
     * Records Connect has handed to the {@code tasks} sink tasks of {@code connector} so far (its own
     * {@code sink-record-send-total}): the progress of a connector that has no metrics of ours.
     */
    long sentToTasks(String connector, int tasks) throws IOException, JMException {
        long sent = 0;
        for (int task = 0; task < tasks; task++) {
            ObjectName bean =
                    new ObjectName("kafka.connect:type=sink-task-metrics,connector=" + connector + ",task=" + task);
            try {
                sent += ((Number) server.getAttribute(bean, "sink-record-send-total")).longValue();
            } catch (InstanceNotFoundException e) {
                // The task has not started yet.
            }
        }
        return sent;
    }

    /** Whether the {@code tasks} sink tasks of {@code connector} are gone: Connect drops a task's metrics once stopped. */
    boolean stopped(String connector, int tasks) throws IOException, JMException {
        for (int task = 0; task < tasks; task++) {
            ObjectName bean =
                    new ObjectName("kafka.connect:type=sink-task-metrics,connector=" + connector + ",task=" + task);
            if (server.isRegistered(bean)) {
                return false;
            }
        }
        return true;
    }

    private static Number number(Map<String, Object> values, String attribute) {
        Object value = values.get(attribute);
        // A windowed value is NaN until its first sample.
        return value instanceof Number number && !Double.isNaN(number.doubleValue()) ? number : 0;
    }

    /**
     * Rows TDengine acknowledged to a connector's tasks, the batches (driver calls) they took and how long a batch took
     * to write, on average and at most, in milliseconds.
     */
    record Written(long rows, long batches, double latencyMs, double maxLatencyMs) {}

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
