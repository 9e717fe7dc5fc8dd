package com.taosdata.kafka.connect.source.tmq;

import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.metrics.SourceTaskMetrics;
import com.taosdata.kafka.connect.schemas.TdengineType;
import com.taosdata.kafka.connect.source.format.DriverValues;
import com.taosdata.kafka.connect.source.format.Row;
import com.taosdata.kafka.connect.source.format.RowFormatter;
import com.taosdata.kafka.connect.source.format.RowRecords;
import com.taosdata.kafka.connect.source.read.ReaderGuard;
import com.taosdata.kafka.connect.source.read.SourceReader;
import com.taosdata.kafka.connect.source.table.ColumnDef;
import com.taosdata.kafka.connect.source.table.TableSchema;
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
 * {@code {"position": p}}: the vgroup's last position known to lie between two WAL entries before the record's TMQ
 * message, and on the last record of a message that ended where the vnode's WAL ended the position after it. A vnode
 * ends a message early once it holds {@link TmqProperties#MESSAGE_ROWS} rows, even inside a WAL entry (one INSERT into
 * several child tables), after the blocks of some of its tables: the position after such a message lies past the
 * entry, whose other blocks only the vnode's reader still holds for the next poll, and whoever reads the vgroup from
 * there, after a restart or a rebalance, never sees them. Such a position is therefore neither stored nor committed.
 * Connect stores the offset of the last record it has safely written, so a stored position is always a point behind
 * which everything reached Kafka; rows of a message TDengine ended early are read again after a restart.
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
 */
public final class SubscriptionReader implements SourceReader {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionReader.class);
    /** How often the offset lag is read from TDengine. */
    static final long OFFSET_LAG_REFRESH_MS = 5_000;

    private final TmqConsumer consumer;
    private final Map<String, Subscribed> subscriptions;
    private final String database;
    private final RowFormatter formatter;
    private final RetryPolicy retry;
    private final Duration pollTimeout;
    private final AckTracker acks = new AckTracker();
    /** The rows at which TDengine may end a message inside a WAL entry ({@link TmqProperties#MESSAGE_ROWS}). */
    private final int messageRows;
    /**
     * Each vgroup's last position known to lie between two WAL entries, where it can be read on from without a row
     * lost: moved on only by a message that ended with fewer than {@link #messageRows} rows, at the WAL's end.
     */
    private final Map<TmqPartition, Long> entryBoundaries = new HashMap<>();
    /** Source partitions by vgroup: one map per vgroup rather than per row. */
    private final Map<TmqPartition, Map<String, Object>> sourcePartitions = new HashMap<>();

    private final ReaderGuard guard;
    private final Function<Map<String, Object>, Map<String, Object>> storedOffsets;
    /** Vgroups TDengine assigned to this consumer at the last look. */
    private Set<TmqPartition> assigned = Set.of();
    /** Assigned vgroups whose starting position was checked against Connect's offsets since they were assigned. */
    private final Set<TmqPartition> resumed = new HashSet<>();
    /**
     * Each vgroup's position after the last records this reader handed out: ahead of Connect's stored offsets while
     * those records are on their way to Kafka, and a vgroup that comes back must not be read again from behind it.
     */
    private final Map<TmqPartition, Long> handedOut = new HashMap<>();
    /** Positions Kafka acknowledged that TDengine has not taken yet. */
    private final Map<TmqPartition, Long> uncommitted = new HashMap<>();

    private final SourceTaskMetrics metrics;
    /** When the offset lag is read from TDengine next (epoch ms). */
    private long offsetLagDueMs;

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
        subscriptions.forEach(s -> this.subscriptions.put(s.tmqTopic(), new Subscribed(s)));
        this.database = database;
        this.formatter = formatter;
        this.retry = retry;
        this.pollTimeout = pollTimeout;
        this.guard = new ReaderGuard(this::commitAndClose);
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
                resumeWhereDelivered(partition, position.getAsLong());
                resumed.add(partition);
            }
        }
    }

    /**
     * Seeks {@code partition}, which the consumer reads from {@code position}, to where its delivered rows end; true
     * when it did. That is the position Connect stored, ahead of {@code position} or behind it; but never behind the
     * end of what this reader handed out, when it handed out any. A vgroup the consumer cannot seek now stays where it
     * is.
     */
    private boolean resumeWhereDelivered(TmqPartition partition, long position) {
        Long stored = storedPosition(partition);
        Long own = handedOut.get(partition);
        Long resume = own == null || (stored != null && stored > own) ? stored : own;
        boolean moves = resume != null && (own == null ? resume != position : resume > position);
        if (!moves || !retry.call("seeking " + partition, () -> consumer.seek(partition, resume))) {
            return false;
        }
        log.info(
                "Resuming TDengine topic {} vgroup {} at position {}, where {} (TDengine had {})",
                partition.topic(),
                partition.vgroup(),
                resume,
                resume < position
                        ? "Connect's offsets say: the rows from there are read again"
                        : "its delivered rows end",
                position);
        return true;
    }

    private Long storedPosition(TmqPartition partition) {
        return SubscriptionOffsets.position(storedOffsets.apply(sourcePartition(partition)));
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        return guard.run(this::pollConsumer, List.of());
    }

    private List<SourceRecord> pollConsumer() {
        commitAcknowledged();
        List<TmqRow> rows = retry.call("polling TMQ", this::timedPoll, cause -> metrics.retried());
        if (rows.isEmpty()) {
            // TMQ had nothing more for this consumer within the poll's wait.
            metrics.caughtUp();
            refreshOffsetLag();
            return List.of();
        }
        assigned = retry.call("reading the TMQ assignment", consumer::assignment);
        resumed.retainAll(assigned);
        entryBoundaries.keySet().retainAll(assigned);
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
        Map<TmqPartition, Long> before = new HashMap<>();
        Map<TmqPartition, Long> after = new HashMap<>();
        for (TmqPartition partition : lastRow.keySet()) {
            if (!keepsRowsOf(partition, firstOffset.get(partition))) {
                dropped.add(partition);
                continue;
            }
            // A vgroup read on from a position this reader did not see end a message starts at an entry's start.
            before.put(partition, entryBoundaries.computeIfAbsent(partition, firstOffset::get));
            if (lastMessageRows.get(partition) < messageRows) {
                retry.call("reading the TMQ position of " + partition, () -> consumer.position(partition))
                        .ifPresent(position -> after.put(partition, position));
            }
        }
        // Registered only once every record is built: a row that cannot become a record fails the poll, and a batch
        // whose records never reach Kafka must not hold back the commits after it.
        AckTracker.Batch batch = new AckTracker.Batch(after);
        List<SourceRecord> records = new ArrayList<>(rows.size());
        TmqPartition current = null;
        Subscribed topic = null;
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
            // Before the last row of its vgroup, a record is not the end of a message: if Connect stores its offset
            // (the earlier rows written, the later not yet), a restart must read the whole message again.
            long position = i == last ? after.getOrDefault(partition, before.get(partition)) : before.get(partition);
            records.add(new PolledRecord(topic.record(row, sourcePartition, position, formatter), batch));
        }
        if (!records.isEmpty()) {
            acks.register(batch, records.size());
        }
        handedOut.putAll(after);
        entryBoundaries.putAll(after);
        reportNewest(records);
        refreshOffsetLag();
        return records;
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
     * Every {@value #OFFSET_LAG_REFRESH_MS} ms, asks TDengine where the assigned vgroups end ({@code endOffsets} costs a
     * round trip to each vnode) and reports the messages between there and the consumer's positions. TDengine tells
     * the end only in messages, not in time. A failed look only leaves the gauge unknown until the next one: the rows
     * are read all the same.
     */
    private void refreshOffsetLag() {
        long now = metrics.nowMs();
        if (now < offsetLagDueMs) {
            return;
        }
        offsetLagDueMs = now + OFFSET_LAG_REFRESH_MS;
        try {
            long lag = 0;
            for (String topic : subscriptions.keySet()) {
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
                    OFFSET_LAG_REFRESH_MS,
                    e.getMessage());
            metrics.offsetLag(-1);
        }
    }

    /**
     * Whether this poll's rows of {@code partition}, starting at {@code firstOffset}, become records: not when TDengine
     * gave the vgroup to another consumer meanwhile, nor when they do not start where the vgroup's delivered rows end
     * (the reader then moved the vgroup there, and the next poll reads on from there). That is checked against Connect's offsets when the vgroup is newly
     * this reader's, and against what the reader handed out whenever they start behind it: a vgroup can leave and
     * come back, at the group's committed offset, between two polls that would have shown it gone.
     */
    private boolean keepsRowsOf(TmqPartition partition, long firstOffset) {
        if (!assigned.contains(partition)) {
            entryBoundaries.remove(partition);
            log.debug(
                    "Dropping the rows of TDengine topic {} vgroup {}: TDengine gave it to another consumer",
                    partition.topic(),
                    partition.vgroup());
            return false;
        }
        boolean newlyAssigned = resumed.add(partition);
        Long own = handedOut.get(partition);
        boolean rewound = own != null && firstOffset < own;
        if (newlyAssigned || rewound) {
            entryBoundaries.remove(partition);
            return !resumeWhereDelivered(partition, firstOffset);
        }
        return true;
    }

    private Subscribed subscribed(TmqPartition partition) {
        Subscribed topic = subscriptions.get(partition.topic());
        if (topic == null) {
            throw new ConnectException(
                    "TMQ returned a row of topic " + partition.topic() + ", which this task did not subscribe to");
        }
        return topic;
    }

    /** A TDengine topic of the task, with where its table's columns sit in the topic's rows. */
    private static final class Subscribed {

        private final TmqSubscription subscription;
        private final ColumnPositions columns;

        Subscribed(TmqSubscription subscription) {
            this.subscription = subscription;
            this.columns = new ColumnPositions(subscription.schema().columns());
        }

        SourceRecord record(TmqRow tmqRow, Map<String, Object> sourcePartition, long position, RowFormatter formatter) {
            TableSchema schema = subscription.schema();
            List<ColumnDef> defs = schema.columns();
            int[] positions = columns.in(tmqRow.values().labels());
            Object[] values = tmqRow.values().values();
            Object[] raw = new Object[defs.size()];
            for (int i = 0; i < raw.length; i++) {
                Object value = positions[i] < 0 ? null : DriverValues.normalize(values[positions[i]]);
                raw[i] = defs.get(i).type().type() == TdengineType.TIMESTAMP
                        ? TmqTimestamps.repair(value, schema.precision())
                        : value;
            }
            String table = tmqRow.table() == null ? schema.measurement() : tmqRow.table();
            Row row = Row.fromDriver(schema, table, raw);
            return RowRecords.create(
                    sourcePartition,
                    SubscriptionOffsets.offset(tmqRow.offset(), position),
                    subscription.kafkaTopic(),
                    row,
                    formatter);
        }
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
