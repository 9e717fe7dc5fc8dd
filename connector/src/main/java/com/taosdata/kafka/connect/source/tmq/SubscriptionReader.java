package com.taosdata.kafka.connect.source.tmq;

import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.metrics.SourceTaskMetrics;
import com.taosdata.kafka.connect.source.format.RowFormatter;
import com.taosdata.kafka.connect.source.read.ReaderGuard;
import com.taosdata.kafka.connect.source.read.SourceReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscription mode: polls TMQ and turns its rows into records. TDengine offsets are committed only for polls
 * whose records Kafka has all acknowledged ({@link #acknowledge}, driven by the task's {@code commitRecord}), and
 * only from the reading thread that polls it, since the consumer is not thread-safe; a crash therefore re-delivers
 * rows instead of losing them.
 *
 * <p>Records carry the source partition {@code {"database", "vgroup", "topic"}} and the offset
 * {@code {"position": p, "skip": n}} ({@link ReadPosition}): the vgroup's last position known to lie between two WAL
 * entries, and the rows read on from there up to and including the record; on the last record of a message that ended
 * where the vnode's WAL ended, the position after it and 0. A vnode ends a message early once it holds
 * {@link TmqProperties#MESSAGE_ROWS} rows, even inside a WAL entry (one INSERT into several child tables), after the
 * blocks of some of its tables: the position after such a message lies past the entry, whose other blocks only the
 * vnode's reader still holds for the next poll, and whoever reads the vgroup from there, after a restart or a
 * rebalance, never sees them. Such a position is therefore neither stored nor committed. Connect stores the offset of
 * the last record it has safely written, so a stored point is always one behind which everything reached Kafka; a
 * vgroup resumed from it is read from its position again, and its first {@code skip} rows are dropped.
 *
 * <p>TDengine hands a vgroup to a consumer at the group's committed offset, which need not be where Kafka's copy
 * ends: it trails it when a task was killed between Kafka's acknowledgement and the commit; it is ahead of it when a
 * transaction whose records Kafka had acknowledged was aborted, or when an operator set Connect's offsets back
 * ({@code PATCH /connectors/NAME/offsets}) to replay rows. So whenever a vgroup becomes this reader's — at the start,
 * and whenever TDengine rebalances the group because a task joined or left — the reader moves it to the position
 * Connect stored for it, forward or back: that is what Kafka holds. Only the records this reader handed out itself
 * count for more (Connect may not have stored them yet): a vgroup that comes back is not moved behind them. A vgroup
 * Connect stored nothing for stays at TDengine's committed offset, or where {@code subscription.from} starts a new
 * group. Rows of a vgroup TDengine has meanwhile given to another consumer are dropped: their new owner reads them.
 *
 * <p>Before that move, a vgroup that becomes this reader's is drained. TDengine (3.3.6) keeps the rest of a WAL entry
 * it ended a message inside in the vgroup's reader of the consumer group, and hands it to whichever consumer polls the
 * vgroup next, before the rows at the position asked for, even after a seek: the rest of an entry the former owner was
 * reading would come first and count as rows of the resumed position. So the vgroup is first moved to its last WAL
 * entry and its rows are dropped until a message ends before {@link TmqProperties#MESSAGE_ROWS} rows, at the WAL's end,
 * with nothing of an entry left, or until it stays silent for {@value VgroupDrain#QUIET_MS} ms (nothing was left, and
 * the last entry held no rows of the topic), and until the point Connect stored for it stops moving ({@link
 * VgroupDrain}).
 */
public final class SubscriptionReader implements SourceReader {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionReader.class);

    private final TmqConsumer consumer;
    private final Map<String, SubscribedTopic> subscriptions;
    private final String database;
    private final RowFormatter formatter;
    private final RetryPolicy retry;
    private final Duration pollTimeout;
    private final AckTracker acks = new AckTracker();
    /** The rows at which TDengine may end a message inside a WAL entry ({@link TmqProperties#MESSAGE_ROWS}). */
    private final int messageRows;
    /**
     * Each vgroup's point after the last row read, handed out or dropped: its position is the last one known to lie
     * between two WAL entries, where the vgroup can be read on from without a row lost, moved on only by a message
     * that ended with fewer than {@link #messageRows} rows, at the WAL's end.
     */
    private final Map<TmqPartition, ReadPosition> readPoints = new HashMap<>();
    /** Rows still to drop of each vgroup this reader moved to a stored point: the rows up to the point. */
    private final Map<TmqPartition, Long> toSkip = new HashMap<>();
    /** Source partitions by vgroup: one map per vgroup rather than per row. */
    private final Map<TmqPartition, Map<String, Object>> sourcePartitions = new HashMap<>();

    private final ReaderGuard guard;
    private final Function<Map<String, Object>, Map<String, Object>> storedOffsets;
    /** Vgroups TDengine assigned to this consumer at the last look. */
    private Set<TmqPartition> assigned = Set.of();
    /** Assigned vgroups whose starting position was checked against Connect's offsets since they were assigned. */
    private final Set<TmqPartition> resumed = new HashSet<>();
    /**
     * Each vgroup's point after the last record this reader handed out: ahead of Connect's stored offsets while those
     * records are on their way to Kafka, and a vgroup that comes back must not be read again from behind it.
     */
    private final Map<TmqPartition, ReadPosition> handedOut = new HashMap<>();
    /**
     * Vgroups this reader moved, with where to, until a message read from there arrives: TDengine's consumer still
     * hands out a message it had polled before the move, and its rows do not follow the new position.
     */
    private final Map<TmqPartition, Moved> moved = new HashMap<>();

    /**
     * A move's target position, how many more messages from elsewhere may still arrive before it shows, and how many
     * times the consumer was sent there.
     */
    private record Moved(long position, int staleLeft, int seeks) {}

    /** At most one poll of a vgroup is under way when it is moved; one more for safety. */
    private static final int STALE_MESSAGES = 2;

    /**
     * How many times a vgroup is sent to a position before the reader gives up: TDengine's consumer sometimes goes on
     * from where it was instead (3.3.6.13, native, a loaded machine: {@code RollingRestartIT}), and the rows between
     * the two positions would be skipped.
     */
    static final int MAX_SEEKS = 3;

    /** Vgroups being drained before they are resumed. */
    private final Map<TmqPartition, VgroupDrain> draining = new HashMap<>();

    /** Positions Kafka acknowledged that TDengine has not taken yet. */
    private final Map<TmqPartition, Long> uncommitted = new HashMap<>();

    private final SourceTaskMetrics metrics;
    private final OffsetLag offsetLag;

    /**
     * {@code storedOffsets} looks up the offset Connect stored for a source partition ({@code null} for none);
     * {@code messageRows} is the consumer's {@code min.poll.rows}.
     */
    public SubscriptionReader(
            TmqConsumer consumer,
            List<TmqSubscription> subscriptions,
            String database,
            RowFormatter formatter,
            RetryPolicy retry,
            Duration pollTimeout,
            Function<Map<String, Object>, Map<String, Object>> storedOffsets,
            SourceTaskMetrics metrics,
            int messageRows) {
        this.consumer = consumer;
        this.messageRows = messageRows;
        this.metrics = metrics;
        this.storedOffsets = storedOffsets;
        this.subscriptions = new HashMap<>();
        subscriptions.forEach(s -> this.subscriptions.put(s.tmqTopic(), new SubscribedTopic(s)));
        this.database = database;
        this.formatter = formatter;
        this.retry = retry;
        this.pollTimeout = pollTimeout;
        this.guard = new ReaderGuard(this::commitAndClose);
        this.offsetLag = new OffsetLag(consumer, this.subscriptions.keySet(), metrics);
    }

    /** Subscribes to every topic of the task and resumes each assigned vgroup where Connect's offsets say. */
    public void start() {
        retry.call("subscribing to " + subscriptions.keySet(), () -> {
            consumer.subscribe(subscriptions.keySet());
            return null;
        });
        assigned = retry.call("reading the TMQ assignment", consumer::assignment);
        for (TmqPartition partition : assigned) {
            OptionalLong position =
                    retry.call("reading the TMQ position of " + partition, () -> consumer.position(partition));
            // A position the consumer cannot tell yet is checked when the vgroup's first rows arrive.
            if (position.isPresent()) {
                if (!drain(partition, position.getAsLong())) {
                    resumeWhereDelivered(partition, position.getAsLong(), position.getAsLong());
                }
                resumed.add(partition);
            }
        }
    }

    /**
     * Resumes {@code partition}, which TDengine handed over at {@code position} and the consumer reads from
     * {@code consumerAt}, where its delivered rows end: at the point Connect stored, ahead of {@code position} or
     * behind it; but never behind the end of what this reader handed out, when it handed out any; else at
     * {@code position}. The consumer is moved to the point's position unless it is there already, and the rows up to
     * the point are dropped as they come. A vgroup the consumer cannot move now stays where it is.
     */
    private Resumed resumeWhereDelivered(TmqPartition partition, long position, long consumerAt) {
        ReadPosition stored = storedPoint(partition);
        ReadPosition own = handedOut.get(partition);
        ReadPosition resume = own == null || (stored != null && stored.compareTo(own) > 0) ? stored : own;
        if (resume == null || (own != null && resume.position() < position)) {
            if (consumerAt == position) {
                return Resumed.IN_PLACE;
            }
            resume = ReadPosition.at(position);
        }
        ReadPosition target = resume;
        boolean moves = target.position() != consumerAt;
        if (moves && !seek(partition, target.position())) {
            return Resumed.NOT_NOW;
        }
        readPoints.put(partition, ReadPosition.at(target.position()));
        toSkip.put(partition, target.skip());
        if (target.position() != position || target.skip() > 0) {
            log.info(
                    "Resuming TDengine topic {} vgroup {} at position {} after its first {} rows, where {} "
                            + "(TDengine had {})",
                    partition.topic(),
                    partition.vgroup(),
                    target.position(),
                    target.skip(),
                    target.position() < position
                            ? "Connect's offsets say: the rows from there are read again"
                            : "its delivered rows end",
                    position);
        }
        return moves ? Resumed.MOVED : Resumed.IN_PLACE;
    }

    /** What resuming a vgroup did with the consumer. */
    private enum Resumed {
        /** It reads on from where it is: the rows it returned from there are the ones to read. */
        IN_PLACE,
        /** It was moved: rows it returned from where it was are not the ones to read. */
        MOVED,
        /** It could not be moved now (TDengine moved the vgroup meanwhile); it stays where it is. */
        NOT_NOW
    }

    /**
     * Moves {@code partition}, handed over at {@code position}, to its last WAL entry, so that its next polls hand out
     * what TDengine kept of an entry a message ended inside; true when it did. Not when the vgroup's WAL is empty, its
     * end cannot be read or the consumer cannot move it now: the vgroup is then resumed at once.
     */
    private boolean drain(TmqPartition partition, long position) {
        Long end;
        try {
            end = retry.call(
                            "reading where TDengine topic " + partition.topic() + " ends",
                            () -> consumer.endOffsets(partition.topic()))
                    .get(partition);
        } catch (TDengineException e) {
            log.warn(
                    "Could not read where TDengine topic {} vgroup {} ends, so it is resumed without draining it first; "
                            + "if its former reader stopped inside a WAL entry, the rest of that entry is read twice: {}",
                    partition.topic(),
                    partition.vgroup(),
                    e.getMessage());
            return false;
        }
        if (end == null || end <= 0 || !seek(partition, end - 1)) {
            return false;
        }
        log.debug(
                "Draining TDengine topic {} vgroup {} from position {} before resuming it (handed over at {})",
                partition.topic(),
                partition.vgroup(),
                end - 1,
                position);
        draining.put(partition, new VgroupDrain(position, storedPoint(partition), metrics.nowMs()));
        return true;
    }

    /** Moves the consumer's {@code partition} to {@code position}; false when it cannot now. */
    private boolean seek(TmqPartition partition, long position) {
        return seek(partition, position, 1);
    }

    private boolean seek(TmqPartition partition, long position, int seeks) {
        if (!retry.call("seeking " + partition, () -> consumer.seek(partition, position))) {
            return false;
        }
        moved.put(partition, new Moved(position, STALE_MESSAGES, seeks));
        return true;
    }

    /**
     * Whether rows of {@code partition} that start at {@code firstOffset} were polled before this reader last moved
     * it elsewhere: they are dropped. Once a message from the move's target arrived, rows are taken as they come
     * again. More messages from elsewhere than could have been under way mean the move did not take: the vgroup is
     * moved again, at most {@value #MAX_SEEKS} times, and then the task fails.
     */
    private boolean polledBeforeMove(TmqPartition partition, long firstOffset) {
        Moved move = moved.get(partition);
        if (move == null) {
            return false;
        }
        if (firstOffset == move.position()) {
            moved.remove(partition);
            return false;
        }
        if (move.staleLeft() == 0) {
            // The consumer reads on from elsewhere: the move did not take. Taking these rows would skip those between
            // the target and here, so the vgroup is sent there again, and the task fails rather than skip them.
            if (move.seeks() >= MAX_SEEKS) {
                throw new ConnectException("TDengine topic " + partition.topic() + " vgroup " + partition.vgroup()
                        + " still returned rows from position " + firstOffset + " after " + move.seeks()
                        + " seeks to position " + move.position() + "; the task stops rather than skip the rows in "
                        + "between. Restart it: it resumes from the offsets Connect stored.");
            }
            log.warn(
                    "TDengine topic {} vgroup {} returned rows from position {} after {} messages from elsewhere, where "
                            + "this reader had moved it to {}; moving it there again",
                    partition.topic(),
                    partition.vgroup(),
                    firstOffset,
                    STALE_MESSAGES,
                    move.position());
            if (!seek(partition, move.position(), move.seeks() + 1)) {
                // It cannot be moved now (TDengine moved it meanwhile): it is taken over afresh at its next rows.
                moved.remove(partition);
                resumed.remove(partition);
            }
            return true;
        }
        moved.put(partition, new Moved(move.position(), move.staleLeft() - 1, move.seeks()));
        log.debug(
                "Dropping rows of TDengine topic {} vgroup {} from position {}, polled before it was moved to {}",
                partition.topic(),
                partition.vgroup(),
                firstOffset,
                move.position());
        return true;
    }

    private ReadPosition storedPoint(TmqPartition partition) {
        return SubscriptionOffsets.point(storedOffsets.apply(sourcePartition(partition)));
    }

    /** Resumes a drained vgroup; if the consumer cannot move it now, it is resumed when it is next this reader's. */
    private void drained(TmqPartition partition) {
        VgroupDrain drain = draining.remove(partition);
        OptionalLong at = retry.call("reading the TMQ position of " + partition, () -> consumer.position(partition));
        log.debug(
                "Drained TDengine topic {} vgroup {} (handed over at {}, now at {}); Connect stored {}, this reader "
                        + "handed out up to {}",
                partition.topic(),
                partition.vgroup(),
                drain.handedOverAt(),
                at,
                storedPoint(partition),
                handedOut.get(partition));
        if (at.isEmpty() || resumeWhereDelivered(partition, drain.handedOverAt(), at.getAsLong()) == Resumed.NOT_NOW) {
            resumed.remove(partition);
        }
    }

    /** Resumes the vgroups whose drain is done. */
    private void resumeDrained() {
        if (draining.isEmpty()) {
            // Every poll asks: most find nothing being drained.
            return;
        }
        long now = metrics.nowMs();
        List<TmqPartition> done = draining.entrySet().stream()
                .filter(e -> e.getValue().done(now, () -> storedPoint(e.getKey())))
                .map(Map.Entry::getKey)
                .toList();
        done.forEach(this::drained);
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        return guard.run(this::pollConsumer, List.of());
    }

    private List<SourceRecord> pollConsumer() {
        commitAcknowledged();
        List<TmqRow> rows = retry.call("polling TMQ", this::timedPoll, cause -> metrics.retried());
        if (rows.isEmpty()) {
            resumeDrained();
            // TMQ had nothing more for this consumer within the poll's wait.
            metrics.caughtUp();
            offsetLag.refresh(assigned);
            return List.of();
        }
        assigned = retry.call("reading the TMQ assignment", consumer::assignment);
        resumed.retainAll(assigned);
        readPoints.keySet().retainAll(assigned);
        toSkip.keySet().retainAll(assigned);
        draining.keySet().retainAll(assigned);
        moved.keySet().retainAll(assigned);
        // The rows of one message come together and share one partition object: maps are touched once per run.
        Map<TmqPartition, Integer> lastRow = new LinkedHashMap<>();
        Map<TmqPartition, Long> firstOffset = new HashMap<>();
        Map<TmqPartition, Long> lastOffset = new HashMap<>();
        Map<TmqPartition, Integer> lastMessageRows = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            TmqRow row = rows.get(i);
            TmqPartition partition = row.partition();
            if (i == 0 || rows.get(i - 1).partition() != partition) {
                firstOffset.putIfAbsent(partition, row.offset());
                Long previous = lastOffset.put(partition, row.offset());
                if (previous == null || previous != row.offset()) {
                    lastMessageRows.put(partition, 0);
                }
            }
            lastMessageRows.merge(partition, 1, Integer::sum);
            if (i + 1 == rows.size() || rows.get(i + 1).partition() != partition) {
                lastRow.put(partition, i);
            }
        }
        Set<TmqPartition> dropped = new HashSet<>();
        Map<TmqPartition, Long> after = new HashMap<>();
        for (TmqPartition partition : lastRow.keySet()) {
            if (polledBeforeMove(partition, firstOffset.get(partition))
                    || !keepsRowsOf(partition, firstOffset.get(partition), lastMessageRows.get(partition))) {
                dropped.add(partition);
                continue;
            }
            // A vgroup read on from a position this reader did not see end a message starts at an entry's start.
            readPoints.computeIfAbsent(partition, p -> ReadPosition.at(firstOffset.get(p)));
            if (lastMessageRows.get(partition) < messageRows) {
                retry.call("reading the TMQ position of " + partition, () -> consumer.position(partition))
                        .ifPresent(position -> after.put(partition, position));
            }
        }
        resumeDrained();
        // Registered only once every record is built: a row that cannot become a record fails the poll, and a batch
        // whose records never reach Kafka must not hold back the commits after it.
        AckTracker.Batch batch = new AckTracker.Batch(after);
        List<SourceRecord> records = new ArrayList<>(rows.size());
        TmqPartition current = null;
        SubscribedTopic topic = null;
        Map<String, Object> sourcePartition = null;
        int last = -1;
        for (int i = 0; i < rows.size(); i++) {
            TmqRow row = rows.get(i);
            TmqPartition partition = row.partition();
            if (partition != current) {
                current = partition;
                topic = dropped.contains(partition) ? null : subscribed(partition);
                sourcePartition = topic == null ? null : sourcePartition(partition);
                last = lastRow.get(partition);
            }
            if (topic == null) {
                continue;
            }
            Long end = i == last ? after.get(partition) : null;
            ReadPosition point = end != null
                    ? ReadPosition.at(end)
                    : readPoints.get(partition).next();
            readPoints.put(partition, point);
            if (skipped(partition)) {
                continue;
            }
            records.add(new PolledRecord(topic.record(row, sourcePartition, point, formatter), batch));
            handedOut.put(partition, point);
        }
        if (!records.isEmpty()) {
            acks.register(batch, records.size());
        }
        reportNewest(records);
        offsetLag.refresh(assigned);
        return records;
    }

    /** Whether the next row of {@code partition} lies before the point the reader resumed it at, and is dropped. */
    private boolean skipped(TmqPartition partition) {
        Long rows = toSkip.get(partition);
        if (rows == null || rows == 0) {
            return false;
        }
        toSkip.put(partition, rows - 1);
        return true;
    }

    private List<TmqRow> timedPoll() {
        long started = System.nanoTime();
        List<TmqRow> rows = consumer.poll(pollTimeout);
        metrics.read(rows.size(), System.nanoTime() - started);
        return rows;
    }

    private void reportNewest(List<SourceRecord> records) {
        long newest = Long.MIN_VALUE;
        for (SourceRecord record : records) {
            Long timestamp = record.timestamp();
            if (timestamp != null) {
                newest = Math.max(newest, timestamp);
            }
        }
        if (newest != Long.MIN_VALUE) {
            metrics.behindSince(newest);
        }
    }

    /**
     * Whether this poll's rows of {@code partition}, starting at {@code firstOffset}, become records: not when TDengine
     * gave the vgroup to another consumer meanwhile, nor while the vgroup is drained, nor when the vgroup is newly this
     * reader's or its rows start behind what the reader handed out (a vgroup can leave and come back, at the group's
     * committed offset, between two polls that would have shown it gone): the reader then drains it where it can and
     * moves it to where its delivered rows end, and reads on from there.
     */
    private boolean keepsRowsOf(TmqPartition partition, long firstOffset, int lastMessageRows) {
        if (!assigned.contains(partition)) {
            readPoints.remove(partition);
            toSkip.remove(partition);
            draining.remove(partition);
            moved.remove(partition);
            log.debug(
                    "Dropping the rows of TDengine topic {} vgroup {}: TDengine gave it to another consumer",
                    partition.topic(),
                    partition.vgroup());
            return false;
        }
        VgroupDrain drain = draining.get(partition);
        if (drain != null) {
            drain.message(lastMessageRows, messageRows, metrics.nowMs());
            return false;
        }
        boolean newlyAssigned = resumed.add(partition);
        ReadPosition own = handedOut.get(partition);
        // Rows of a message that goes on where the last one ended start past the last point's position.
        boolean rewound = own != null && ReadPosition.at(firstOffset).compareTo(own) < 0;
        if (newlyAssigned || rewound) {
            readPoints.remove(partition);
            toSkip.remove(partition);
            return !drain(partition, firstOffset)
                    && resumeWhereDelivered(partition, firstOffset, firstOffset) != Resumed.MOVED;
        }
        return true;
    }

    private SubscribedTopic subscribed(TmqPartition partition) {
        SubscribedTopic topic = subscriptions.get(partition.topic());
        if (topic == null) {
            throw new ConnectException(
                    "TMQ returned a row of topic " + partition.topic() + ", which this task did not subscribe to");
        }
        return topic;
    }

    private Map<String, Object> sourcePartition(TmqPartition tmqPartition) {
        return sourcePartitions.computeIfAbsent(tmqPartition, p -> SubscriptionOffsets.partition(database, p));
    }

    @Override
    public void acknowledge(SourceRecord record) {
        if (record instanceof PolledRecord polled) {
            acks.acknowledge(polled.batch());
        }
    }

    /**
     * Commits the positions of polls Kafka has fully acknowledged; called on the reading thread. A vgroup TDengine
     * gave to another consumer is not committed (its new owner resumes from Connect's offsets); one the consumer
     * cannot commit until it polls it again, after a rebalance, is committed then.
     */
    void commitAcknowledged() {
        uncommitted.putAll(acks.takeCommittable());
        uncommitted.keySet().retainAll(assigned);
        uncommitted
                .entrySet()
                .removeIf(entry -> retry.call(
                        "committing the TMQ offset of " + entry.getKey(),
                        () -> consumer.commit(entry.getKey(), entry.getValue())));
    }

    @Override
    public void close() {
        guard.close();
    }

    private void commitAndClose() {
        try {
            commitAcknowledged();
        } catch (RuntimeException e) {
            // Not committing only means TDengine re-delivers these rows to the next consumer of the group.
            log.warn("Could not commit TMQ offsets on shutdown; the rows will be delivered again: {}", e.getMessage());
        } finally {
            consumer.close();
        }
    }
}
