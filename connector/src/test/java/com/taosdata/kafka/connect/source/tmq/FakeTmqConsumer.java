package com.taosdata.kafka.connect.source.tmq;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.taosdata.kafka.connect.connection.TDengineException;

/** A TMQ consumer serving scripted polls; its position moves past each poll, and every commit is recorded. */
final class FakeTmqConsumer implements TmqConsumer {

    final List<Map<TmqPartition, Long>> commits = new ArrayList<>();
    final List<String> subscribed = new ArrayList<>();
    final Map<TmqPartition, Long> seeks = new HashMap<>();
    private final Deque<Object> polls = new ArrayDeque<>();
    private final Map<TmqPartition, Long> positions = new HashMap<>();
    boolean closed;

    FakeTmqConsumer thenRows(TmqRow... rows) {
        polls.addLast(List.of(rows));
        return this;
    }

    /** A vgroup assigned to this consumer at {@code position}, as after a subscription. */
    FakeTmqConsumer assigned(TmqPartition partition, long position) {
        positions.put(partition, position);
        return this;
    }

    FakeTmqConsumer thenFail(TDengineException failure) {
        polls.addLast(failure);
        return this;
    }

    @Override
    public void subscribe(Collection<String> topics) {
        subscribed.addAll(topics);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<TmqRow> poll(Duration timeout) {
        Object next = polls.pollFirst();
        if (next instanceof TDengineException) {
            throw (TDengineException) next;
        }
        List<TmqRow> rows = next == null ? List.of() : (List<TmqRow>) next;
        rows.forEach(row -> positions.merge(row.partition(), row.offset() + 1, Math::max));
        return rows;
    }

    @Override
    public Map<TmqPartition, Long> positions() {
        return Map.copyOf(positions);
    }

    @Override
    public void seek(TmqPartition partition, long position) {
        seeks.put(partition, position);
        positions.put(partition, position);
    }

    @Override
    public void commit(Map<TmqPartition, Long> committed) {
        commits.add(Map.copyOf(committed));
    }

    @Override
    public void close() {
        closed = true;
    }
}
