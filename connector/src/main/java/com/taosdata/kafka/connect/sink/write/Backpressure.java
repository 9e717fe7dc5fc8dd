package com.taosdata.kafka.connect.sink.write;

import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops Connect from handing the task more records while the writer is behind, without blocking {@code put()}: the
 * task's partitions are paused, so the worker keeps polling (and the task keeps its place in the consumer group) but
 * receives nothing, and memory stays bounded however long TDengine is away. The worker is asked to call {@code put()}
 * again soon, so the partitions resume shortly after the writer caught up.
 */
public final class Backpressure {

    /**
     * How soon the worker calls {@code put()} again while the partitions are paused: a batch of the default size takes
     * TDengine some tens of milliseconds, so the next one must be on its way well within that or the writer idles.
     */
    public static final long POLL_WHILE_PAUSED_MS = 10;

    private static final Logger log = LoggerFactory.getLogger(Backpressure.class);

    private final SinkTaskContext context;
    /**
     * Every partition paused here and not resumed since, assigned or not: the worker remembers a task's pauses across a
     * rebalance and pauses a partition again when it comes back to the task, so it must be resumed then too.
     */
    private final Set<TopicPartition> paused = new HashSet<>();

    public Backpressure(SinkTaskContext context) {
        this.context = context;
    }

    public void writerBehind(boolean behind) {
        Set<TopicPartition> assigned = context.assignment();
        if (behind) {
            // Every time, not only the first: partitions assigned by a rebalance since then are not paused yet.
            context.pause(assigned.toArray(new TopicPartition[0]));
            context.timeout(POLL_WHILE_PAUSED_MS);
            if (paused.isEmpty()) {
                log.debug("the TDengine writer is behind; consumption of {} paused", assigned);
            }
            paused.addAll(assigned);
        } else if (!paused.isEmpty()) {
            // Only assigned partitions can be resumed; the others stay remembered until they come back, if ever.
            Set<TopicPartition> resumable = new HashSet<>(paused);
            resumable.retainAll(assigned);
            if (!resumable.isEmpty()) {
                context.resume(resumable.toArray(new TopicPartition[0]));
                paused.removeAll(resumable);
                log.debug("the TDengine writer caught up; consumption of {} resumed", resumable);
            }
        }
    }
}
