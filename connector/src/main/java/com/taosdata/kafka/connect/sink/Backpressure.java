package com.taosdata.kafka.connect.sink;

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
final class Backpressure {

    /** How soon the worker calls {@code put()} again while the partitions are paused. */
    static final long POLL_WHILE_PAUSED_MS = 100;

    private static final Logger log = LoggerFactory.getLogger(Backpressure.class);

    private final SinkTaskContext context;
    private boolean paused;

    Backpressure(SinkTaskContext context) {
        this.context = context;
    }

    void writerBehind(boolean behind) {
        if (behind) {
            // Every time, not only the first: partitions assigned by a rebalance since then are not paused yet.
            Set<TopicPartition> assigned = context.assignment();
            context.pause(assigned.toArray(new TopicPartition[0]));
            context.timeout(POLL_WHILE_PAUSED_MS);
            if (!paused) {
                log.debug("the TDengine writer is behind; consumption of {} paused", assigned);
            }
            paused = true;
        } else if (paused) {
            Set<TopicPartition> assigned = context.assignment();
            context.resume(assigned.toArray(new TopicPartition[0]));
            log.debug("the TDengine writer caught up; consumption of {} resumed", assigned);
            paused = false;
        }
    }
}
