package com.taosdata.kafka.connect.source.tmq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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

import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.schemas.TdengineType;
import com.taosdata.kafka.connect.source.format.DriverValues;
import com.taosdata.kafka.connect.source.format.Row;
import com.taosdata.kafka.connect.source.format.RowFormatter;
import com.taosdata.kafka.connect.source.format.RowRecords;
import com.taosdata.kafka.connect.source.read.ReaderGuard;
import com.taosdata.kafka.connect.source.read.SourceReader;
import com.taosdata.kafka.connect.source.table.ColumnDef;
import com.taosdata.kafka.connect.source.table.TableSchema;

/**
 * Subscription mode: polls TMQ and turns its rows into records. TDengine offsets are committed only for polls
 * whose records Kafka has all acknowledged ({@link #acknowledge}, driven by the task's {@code commitRecord}), and
 * only from the reading thread that polls it, since the consumer is not thread-safe; a crash therefore re-delivers
 * rows instead of losing them.
 *
 * <p>Records carry the source partition {@code {"database", "topic", "vgroup"}} and the offset
 * {@code {"position": p}}: the offset of the record's TMQ message (the vgroup's position before it), and on the last
 * record of each vgroup in a poll the position after it. Connect stores the offset of the last record it has safely
 * written, so a stored position is always a message boundary behind which everything reached Kafka: with
 * exactly-once support (records and offsets in one transaction per poll) it is exact.
 *
 * <p>TDengine hands a vgroup to a consumer at the group's committed offset, which trails what reached Kafka: the
 * commit follows Kafka's acknowledgement, and a task killed in between never makes it. So whenever a vgroup becomes
 * this reader's — at the start, and whenever TDengine rebalances the group because a task joined or left — the reader
 * moves it forward to the position Connect stored for it, if that is ahead. Rows of a vgroup TDengine has meanwhile
 * given to another consumer are dropped: their new owner reads them.
 */
public final class SubscriptionReader implements SourceReader {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionReader.class);
    /** Source offset keys: the TMQ message's own offset, for reference, and the position to resume from. */
    static final String OFFSET = "offset";
    static final String POSITION = "position";

    private final TmqConsumer consumer;
    private final Map<String, TmqSubscription> subscriptions;
    private final String database;
    private final RowFormatter formatter;
    private final RetryPolicy retry;
    private final Duration pollTimeout;
    private final AckTracker acks = new AckTracker();
    /** Source partitions by vgroup: one map per vgroup rather than per row. */
    private final Map<TmqPartition, Map<String, Object>> sourcePartitions = new HashMap<>();
    private final ReaderGuard guard;
    private final Function<Map<String, Object>, Map<String, Object>> storedOffsets;
    /** Vgroups TDengine assigned to this consumer at the last look. */
    private Set<TmqPartition> assigned = Set.of();
    /** Assigned vgroups whose starting position was checked against Connect's offsets since they were assigned. */
    private final Set<TmqPartition> resumed = new HashSet<>();
    /** Positions Kafka acknowledged that TDengine has not taken yet. */
    private final Map<TmqPartition, Long> uncommitted = new HashMap<>();

    /** {@code storedOffsets} looks up the offset Connect stored for a source partition ({@code null} for none). */
    public SubscriptionReader(TmqConsumer consumer, List<TmqSubscription> subscriptions, String database,
                              RowFormatter formatter, RetryPolicy retry, Duration pollTimeout,
                              Function<Map<String, Object>, Map<String, Object>> storedOffsets) {
        this.consumer = consumer;
        this.storedOffsets = storedOffsets;
        this.subscriptions = new HashMap<>();
        subscriptions.forEach(s -> this.subscriptions.put(s.tmqTopic(), s));
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
            OptionalLong position = retry.call("reading the TMQ position of " + partition, () -> consumer.position(partition));
            // A position the consumer cannot tell yet is checked when the vgroup's first rows arrive.
            if (position.isPresent()) {
                moveToStoredPosition(partition, position.getAsLong());
                resumed.add(partition);
            }
        }
    }

    /**
     * Seeks {@code partition} to the position Connect stored when that is ahead of {@code position}; true when it
     * did. A vgroup the consumer cannot seek now stays where it is: its rows are delivered again, not lost.
     */
    private boolean moveToStoredPosition(TmqPartition partition, long position) {
        Long stored = storedPosition(partition);
        if (stored == null || stored <= position
                || !retry.call("seeking " + partition, () -> consumer.seek(partition, stored))) {
            return false;
        }
        log.info("Resuming TDengine topic {} vgroup {} at position {} stored by Connect (TDengine had {})",
                partition.topic(), partition.vgroup(), stored, position);
        return true;
    }

    private Long storedPosition(TmqPartition partition) {
        Map<String, Object> offset = storedOffsets.apply(sourcePartition(partition));
        Object position = offset == null ? null : offset.get(POSITION);
        return position instanceof Number ? ((Number) position).longValue() : null;
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        return guard.run(this::pollConsumer, List.of());
    }

    private List<SourceRecord> pollConsumer() {
        commitAcknowledged();
        List<TmqRow> rows = retry.call("polling TMQ", () -> consumer.poll(pollTimeout));
        if (rows.isEmpty()) {
            return List.of();
        }
        assigned = retry.call("reading the TMQ assignment", consumer::assignment);
        resumed.retainAll(assigned);
        Map<TmqPartition, Integer> lastRow = new LinkedHashMap<>();
        Map<TmqPartition, Long> firstOffset = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            lastRow.put(rows.get(i).partition(), i);
            firstOffset.putIfAbsent(rows.get(i).partition(), rows.get(i).offset());
        }
        Set<TmqPartition> dropped = new HashSet<>();
        Map<TmqPartition, Long> after = new HashMap<>();
        for (TmqPartition partition : lastRow.keySet()) {
            if (keepsRowsOf(partition, firstOffset.get(partition))) {
                retry.call("reading the TMQ position of " + partition, () -> consumer.position(partition))
                        .ifPresent(position -> after.put(partition, position));
            } else {
                dropped.add(partition);
            }
        }
        // Registered only once every record is built: a row that cannot become a record fails the poll, and a batch
        // whose records never reach Kafka must not hold back the commits after it.
        AckTracker.Batch batch = new AckTracker.Batch(after);
        List<SourceRecord> records = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            TmqRow row = rows.get(i);
            TmqPartition partition = row.partition();
            if (dropped.contains(partition)) {
                continue;
            }
            // Before the last row of its vgroup, a record is not the end of a message: if Connect stores its offset
            // (the earlier rows written, the later not yet), a restart must read the whole message again.
            long position = lastRow.get(partition) == i ? after.getOrDefault(partition, row.offset()) : row.offset();
            records.add(new PolledRecord(record(row, position), batch));
        }
        if (!records.isEmpty()) {
            acks.register(batch, records.size());
        }
        return records;
    }

    /**
     * Whether this poll's rows of {@code partition}, starting at {@code firstOffset}, become records: not when TDengine
     * gave the vgroup to another consumer meanwhile, nor when it is newly this reader's and Connect stored a position
     * past them (the reader then moved there, and the next poll reads on from it).
     */
    private boolean keepsRowsOf(TmqPartition partition, long firstOffset) {
        if (!assigned.contains(partition)) {
            log.debug("Dropping the rows of TDengine topic {} vgroup {}: TDengine gave it to another consumer",
                    partition.topic(), partition.vgroup());
            return false;
        }
        return !resumed.add(partition) || !moveToStoredPosition(partition, firstOffset);
    }

    private SourceRecord record(TmqRow tmqRow, long position) {
        TmqSubscription subscription = subscriptions.get(tmqRow.partition().topic());
        if (subscription == null) {
            throw new ConnectException("TMQ returned a row of topic " + tmqRow.partition().topic()
                    + ", which this task did not subscribe to");
        }
        TableSchema schema = subscription.schema();
        List<ColumnDef> columns = schema.columns();
        Object[] raw = new Object[columns.size()];
        for (int i = 0; i < raw.length; i++) {
            Object value = DriverValues.normalize(tmqRow.values().get(columns.get(i).name()));
            raw[i] = columns.get(i).type().type() == TdengineType.TIMESTAMP
                    ? TmqTimestamps.repair(value, schema.precision()) : value;
        }
        String table = tmqRow.table() == null ? schema.measurement() : tmqRow.table();
        Row row = Row.fromDriver(schema, table, raw);
        return RowRecords.create(sourcePartition(tmqRow.partition()), Map.of(OFFSET, tmqRow.offset(), POSITION, position),
                subscription.kafkaTopic(), row, formatter);
    }

    private Map<String, Object> sourcePartition(TmqPartition tmqPartition) {
        return sourcePartitions.computeIfAbsent(tmqPartition, p -> {
            // Ordered keys, so the serialized partition is the same on every worker (Connect compares it byte for
            // byte). Never changed once made: Connect keeps it with every record.
            Map<String, Object> partition = new LinkedHashMap<>(4);
            partition.put("database", database);
            partition.put("topic", p.topic());
            partition.put("vgroup", p.vgroup());
            return Collections.unmodifiableMap(partition);
        });
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
        uncommitted.entrySet().removeIf(entry -> retry.call("committing the TMQ offset of " + entry.getKey(),
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
