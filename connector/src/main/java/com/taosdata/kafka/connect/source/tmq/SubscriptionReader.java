package com.taosdata.kafka.connect.source.tmq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * {@code {"position": p}}: the vgroup's TMQ position before the record's poll, and on the last record of each vgroup
 * in a poll the position after it. Connect stores the offset of the last record it has safely written, so a stored
 * position is always a message boundary behind which everything reached Kafka: with exactly-once support
 * (records and offsets in one transaction per poll) it is exact. On start the reader moves each assigned vgroup
 * forward to its stored position when that is ahead of what TDengine's consumer group committed, which is the
 * case after a crash between a transaction and the TDengine commit that follows it.
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
    /** Each assigned vgroup's position after the last poll: where the next message of that vgroup starts. */
    private Map<TmqPartition, Long> positions = Map.of();

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
        Map<TmqPartition, Long> assigned = new HashMap<>(retry.call("reading TMQ positions", consumer::positions));
        assigned.forEach((partition, position) -> {
            Long stored = storedPosition(partition);
            if (stored != null && stored > position) {
                log.info("Resuming TDengine topic {} vgroup {} at position {} stored by Connect (TDengine had {})",
                        partition.topic(), partition.vgroup(), stored, position);
                retry.call("seeking " + partition, () -> {
                    consumer.seek(partition, stored);
                    return null;
                });
                assigned.put(partition, stored);
            }
        });
        positions = assigned;
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
        Map<TmqPartition, Long> before = positions;
        Map<TmqPartition, Long> after = retry.call("reading TMQ positions", consumer::positions);
        Map<TmqPartition, Integer> lastRow = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            lastRow.put(rows.get(i).partition(), i);
        }
        // Registered only once every record is built: a row that cannot become a record fails the poll, and a batch
        // whose records never reach Kafka must not hold back the commits after it.
        AckTracker.Batch batch = new AckTracker.Batch(after);
        List<SourceRecord> records = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            TmqPartition partition = rows.get(i).partition();
            Long end = after.get(partition);
            // Before the last row of its vgroup, a record is not the end of a message: if Connect stores its offset
            // (the earlier rows written, the later not yet), a restart must read the whole message again.
            Long position = lastRow.get(partition) == i || !before.containsKey(partition) ? end : before.get(partition);
            records.add(new PolledRecord(record(rows.get(i), position), batch));
        }
        positions = after;
        acks.register(batch, records.size());
        return records;
    }

    private SourceRecord record(TmqRow tmqRow, Long position) {
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
        Map<String, Object> offset = position == null ? Map.of(OFFSET, tmqRow.offset())
                : Map.of(OFFSET, tmqRow.offset(), POSITION, position);
        return RowRecords.create(sourcePartition(tmqRow.partition()), offset, subscription.kafkaTopic(), row, formatter);
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

    /** Commits the positions of polls Kafka has fully acknowledged; called on the reading thread. */
    void commitAcknowledged() {
        Map<TmqPartition, Long> committable = acks.takeCommittable();
        if (!committable.isEmpty()) {
            retry.call("committing TMQ offsets", () -> {
                consumer.commit(committable);
                return null;
            });
        }
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
