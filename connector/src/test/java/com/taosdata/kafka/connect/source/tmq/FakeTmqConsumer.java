package com.taosdata.kafka.connect.source.tmq;

import com.taosdata.kafka.connect.connection.TDengineException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A TMQ consumer serving scripted polls, as TDengine's behaves: a poll assigns the vgroups it returns rows of and
 * moves their positions past them; a vgroup whose position is unknown (not read since a rebalance, or given away)
 * cannot be positioned, sought or committed. Every seek and commit is recorded.
 */
final class FakeTmqConsumer implements TmqConsumer {

    final List<Map.Entry<TmqPartition, Long>> commits = new ArrayList<>();
    final List<String> subscribed = new ArrayList<>();
    final Map<TmqPartition, Long> seeks = new HashMap<>();
    /** How many seeks succeeded, all vgroups together. */
    int seekCount;

    private final Deque<Poll> polls = new ArrayDeque<>();
    private final Set<TmqPartition> assignment = new HashSet<>();
    /** Positions the consumer knows, of assigned vgroups read since they were assigned. */
    private final Map<TmqPartition, Long> positions = new HashMap<>();

    boolean closed;
    private final Map<TmqPartition, Long> ends = new HashMap<>();
    private TDengineException endsFailure;
    private boolean endsFailOnce;

    private record Poll(List<TmqRow> rows, TDengineException failure, Runnable afterwards) {}

    FakeTmqConsumer thenRows(TmqRow... rows) {
        return thenRowsThen(() -> {}, rows);
    }

    /** A poll returning {@code rows}, after which {@code change} happens (a rebalance, say) before anything else. */
    FakeTmqConsumer thenRowsThen(Runnable change, TmqRow... rows) {
        polls.addLast(new Poll(List.of(rows), null, change));
        return this;
    }

    FakeTmqConsumer thenFail(TDengineException failure) {
        polls.addLast(new Poll(List.of(), failure, () -> {}));
        return this;
    }

    /** A vgroup assigned to this consumer at {@code position}, as after a subscription. */
    FakeTmqConsumer assigned(TmqPartition partition, long position) {
        assignment.add(partition);
        positions.put(partition, position);
        return this;
    }

    /** A vgroup assigned to this consumer by a rebalance, its position unknown until a poll returns its rows. */
    FakeTmqConsumer rebalanced(TmqPartition partition) {
        assignment.add(partition);
        positions.remove(partition);
        return this;
    }

    /** A vgroup TDengine gave to another consumer. */
    FakeTmqConsumer revoked(TmqPartition partition) {
        assignment.remove(partition);
        positions.remove(partition);
        return this;
    }

    @Override
    public void subscribe(Collection<String> topics) {
        subscribed.addAll(topics);
    }

    @Override
    public List<TmqRow> poll(Duration timeout) {
        Poll next = polls.pollFirst();
        if (next == null) {
            return List.of();
        }
        if (next.failure() != null) {
            throw next.failure();
        }
        for (TmqRow row : next.rows()) {
            assignment.add(row.partition());
            positions.merge(row.partition(), row.offset() + 1, Math::max);
        }
        next.afterwards().run();
        return next.rows();
    }

    @Override
    public Set<TmqPartition> assignment() {
        return Set.copyOf(assignment);
    }

    @Override
    public OptionalLong position(TmqPartition partition) {
        Long position = positions.get(partition);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }

    @Override
    public boolean seek(TmqPartition partition, long position) {
        if (!positions.containsKey(partition)) {
            return false;
        }
        seeks.put(partition, position);
        seekCount++;
        positions.put(partition, position);
        return true;
    }

    @Override
    public Map<TmqPartition, Long> endOffsets(String topic) {
        if (endsFailure != null) {
            TDengineException failure = endsFailure;
            if (endsFailOnce) {
                endsFailure = null;
            }
            throw failure;
        }
        Map<TmqPartition, Long> ends = new HashMap<>();
        this.ends.forEach((partition, end) -> {
            if (partition.topic().equals(topic)) {
                ends.put(partition, end);
            }
        });
        return ends;
    }

    /** Where {@code partition} ends, as {@link #endOffsets} tells. */
    FakeTmqConsumer ending(TmqPartition partition, long end) {
        ends.put(partition, end);
        return this;
    }

    /** The next {@link #endOffsets} fails with {@code failure}, the ones after it answer. */
    FakeTmqConsumer endsFailOnce(TDengineException failure) {
        endsFailure = failure;
        endsFailOnce = true;
        return this;
    }

    /** {@link #endOffsets} fails with {@code failure}. */
    FakeTmqConsumer endsUnknown(TDengineException failure) {
        endsFailure = failure;
        return this;
    }

    @Override
    public boolean commit(TmqPartition partition, long position) {
        if (!positions.containsKey(partition)) {
            return false;
        }
        commits.add(Map.entry(partition, position));
        return true;
    }

    @Override
    public void close() {
        closed = true;
    }
}
