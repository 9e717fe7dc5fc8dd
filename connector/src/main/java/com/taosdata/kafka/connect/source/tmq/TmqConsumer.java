package com.taosdata.kafka.connect.source.tmq;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The part of a TDengine TMQ consumer the source uses, so the commit logic can be tested without TDengine.
 * Failures are {@link com.taosdata.kafka.connect.connection.TDengineException}s classified by TDengine code.
 */
public interface TmqConsumer extends AutoCloseable {

    void subscribe(Collection<String> topics);

    List<TmqRow> poll(Duration timeout);

    /** The position (next offset to read) of every vgroup assigned to this consumer. */
    Map<TmqPartition, Long> positions();

    /** Moves the next poll of {@code partition} (a vgroup assigned to this consumer) to {@code position}. */
    void seek(TmqPartition partition, long position);

    /** Commits {@code positions} to TDengine: the group resumes there after a restart. */
    void commit(Map<TmqPartition, Long> positions);

    @Override
    void close();
}
