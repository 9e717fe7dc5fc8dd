package com.taosdata.kafka.connect.sink;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** What a Connect worker gives a sink task, recording what the task asks of it: pauses, poll timeouts, rewinds. */
final class FakeSinkTaskContext implements SinkTaskContext {

    final Set<TopicPartition> assignment = new LinkedHashSet<>();
    final Set<TopicPartition> paused = new LinkedHashSet<>();
    final Map<TopicPartition, Long> rewound = new HashMap<>();
    /** The timeout the task asked for the worker's next poll; -1 when it asked for none. */
    long timeoutMs = -1;

    boolean commitRequested;
    private final ErrantRecordReporter reporter;

    FakeSinkTaskContext(ErrantRecordReporter reporter, TopicPartition... assigned) {
        this.reporter = reporter;
        assignment.addAll(Arrays.asList(assigned));
    }

    @Override
    public Map<String, String> configs() {
        return Map.of();
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
        rewound.putAll(offsets);
    }

    @Override
    public void offset(TopicPartition partition, long offset) {
        rewound.put(partition, offset);
    }

    @Override
    public void timeout(long timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    @Override
    public Set<TopicPartition> assignment() {
        return Set.copyOf(assignment);
    }

    @Override
    public void pause(TopicPartition... partitions) {
        for (TopicPartition partition : partitions) {
            if (!assignment.contains(partition)) {
                // As the worker does: a task may only pause what it owns.
                throw new IllegalStateException("pausing " + partition + ", which is not assigned");
            }
            paused.add(partition);
        }
    }

    @Override
    public void resume(TopicPartition... partitions) {
        for (TopicPartition partition : partitions) {
            if (!assignment.contains(partition)) {
                throw new IllegalStateException("resuming " + partition + ", which is not assigned");
            }
            paused.remove(partition);
        }
    }

    @Override
    public void requestCommit() {
        commitRequested = true;
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        return reporter;
    }

    @Override
    public PluginMetrics pluginMetrics() {
        throw new UnsupportedOperationException("the sink task publishes its metrics over JMX itself");
    }

    /**
     * A rebalance takes the task's partitions away, as the worker does it: the partitions the task paused stay
     * remembered (see {@link #assign}).
     */
    void revoke() {
        assignment.clear();
    }

    /**
     * A rebalance gives the task {@code partitions}, as the worker does it: of the partitions the task had paused, those
     * it gets back are paused again, the others forgotten.
     */
    void assign(TopicPartition... partitions) {
        assignment.addAll(Arrays.asList(partitions));
        paused.retainAll(assignment);
    }

    /** The worker's next poll: it consumes the timeout the task asked for. */
    void polled() {
        timeoutMs = -1;
    }
}
