package com.taosdata.kafka.connect.source.tmq;

import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.metrics.SourceTaskMetrics;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code tmq-offset-lag} gauge of a subscription reader: messages between its vgroups' positions and their ends. */
final class OffsetLag {

    private static final Logger log = LoggerFactory.getLogger(OffsetLag.class);
    /** How often the offset lag is read from TDengine. */
    static final long REFRESH_MS = 5_000;

    private final TmqConsumer consumer;
    private final Set<String> topics;
    private final SourceTaskMetrics metrics;
    /** When the offset lag is read from TDengine next (epoch ms). */
    private long dueMs;

    OffsetLag(TmqConsumer consumer, Set<String> topics, SourceTaskMetrics metrics) {
        this.consumer = consumer;
        this.topics = Set.copyOf(topics);
        this.metrics = metrics;
    }

    /**
     * Every {@value #REFRESH_MS} ms, asks TDengine where the assigned vgroups end ({@code endOffsets} costs a
     * round trip to each vnode) and reports the messages between there and the consumer's positions. TDengine tells
     * the end only in messages, not in time. A failed look only leaves the gauge unknown until the next one: the rows
     * are read all the same.
     */
    void refresh(Set<TmqPartition> assigned) {
        long now = metrics.nowMs();
        if (now < dueMs) {
            return;
        }
        dueMs = now + REFRESH_MS;
        try {
            long lag = 0;
            for (String topic : topics) {
                for (Map.Entry<TmqPartition, Long> end :
                        consumer.endOffsets(topic).entrySet()) {
                    if (assigned.contains(end.getKey())) {
                        OptionalLong position = consumer.position(end.getKey());
                        if (position.isPresent()) {
                            lag += Math.max(0, end.getValue() - position.getAsLong());
                        }
                    }
                }
            }
            metrics.offsetLag(lag);
        } catch (TDengineException e) {
            log.warn(
                    "Could not read where the TDengine topics' vgroups end; the tmq-offset-lag metric is unknown until "
                            + "the next look in {} ms: {}",
                    REFRESH_MS,
                    e.getMessage());
            metrics.offsetLag(-1);
        }
    }
}
