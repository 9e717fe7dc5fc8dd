package com.taosdata.kafka.connect.source.tmq;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The part of a TDengine TMQ consumer the source uses, so the commit logic can be tested without TDengine.
 * Failures are {@link com.taosdata.kafka.connect.connection.TDengineException}s classified by TDengine code.
 *
 * <p>TDengine moves vgroups between the consumers of a group whenever one joins or leaves. Until a consumer has polled
 * a vgroup after such a rebalance, or once the vgroup went to another consumer, it cannot tell, move or commit that
 * vgroup's position: {@link #position}, {@link #seek} and {@link #commit} then answer that instead of failing.
 */
public interface TmqConsumer extends AutoCloseable {

    void subscribe(Collection<String> topics);

    List<TmqRow> poll(Duration timeout);

    /** The vgroups of the subscribed topics TDengine assigns to this consumer now. */
    Set<TmqPartition> assignment();

    /** The position (next offset to read) of {@code partition}; empty when this consumer cannot tell it now. */
    OptionalLong position(TmqPartition partition);

    /** Moves the next poll of {@code partition} to {@code position}; false when this consumer cannot now. */
    boolean seek(TmqPartition partition, long position);

    /** Where each vgroup of {@code topic} ends (the offset after its last message), as TDengine tells it now. */
    Map<TmqPartition, Long> endOffsets(String topic);

    /** Commits {@code position} for {@code partition}, where the group resumes it; false when this consumer cannot now. */
    boolean commit(TmqPartition partition, long position);

    @Override
    void close();
}
