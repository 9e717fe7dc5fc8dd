package com.taosdata.kafka.connect.source.tmq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.source.ReaderGuard;
import com.taosdata.kafka.connect.source.SourceReader;
import com.taosdata.kafka.connect.source.format.DriverValues;
import com.taosdata.kafka.connect.source.format.Row;
import com.taosdata.kafka.connect.source.format.RowFormatter;
import com.taosdata.kafka.connect.source.format.RowRecords;
import com.taosdata.kafka.connect.source.table.ColumnDef;
import com.taosdata.kafka.connect.source.table.TableSchema;

/**
 * Subscription mode: polls TMQ and turns its rows into records. TDengine offsets are committed only for polls
 * whose records Kafka has all acknowledged ({@link #acknowledge}, driven by the task's {@code commitRecord}), and
 * only from the task's thread, since the consumer is not thread-safe; a crash therefore re-delivers rows instead of
 * losing them.
 *
 * <p>Records carry the source partition {@code {"database", "topic", "vgroup"}} and offset {@code {"offset"}} for
 * reference; the consumer group's offsets in TDengine decide where a restarted task resumes.
 */
public final class SubscriptionReader implements SourceReader {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionReader.class);

    private final TmqConsumer consumer;
    private final Map<String, TmqSubscription> subscriptions;
    private final String database;
    private final RowFormatter formatter;
    private final RetryPolicy retry;
    private final Duration pollTimeout;
    private final AckTracker acks = new AckTracker();
    private final Map<SourceRecord, Long> pending = Collections.synchronizedMap(new IdentityHashMap<>());
    private final ReaderGuard guard;

    public SubscriptionReader(TmqConsumer consumer, List<TmqSubscription> subscriptions, String database,
                              RowFormatter formatter, RetryPolicy retry, Duration pollTimeout) {
        this.consumer = consumer;
        this.subscriptions = new HashMap<>();
        subscriptions.forEach(s -> this.subscriptions.put(s.tmqTopic(), s));
        this.database = database;
        this.formatter = formatter;
        this.retry = retry;
        this.pollTimeout = pollTimeout;
        this.guard = new ReaderGuard(this::commitAndClose);
    }

    /** Subscribes to every topic of the task. */
    public void start() {
        retry.call("subscribing to " + subscriptions.keySet(), () -> {
            consumer.subscribe(subscriptions.keySet());
            return null;
        });
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
        Map<TmqPartition, Long> positions = retry.call("reading TMQ positions", consumer::positions);
        List<SourceRecord> records = new ArrayList<>(rows.size());
        for (TmqRow row : rows) {
            records.add(record(row));
        }
        long batch = acks.register(records.size(), positions);
        records.forEach(record -> pending.put(record, batch));
        return records;
    }

    private SourceRecord record(TmqRow tmqRow) {
        TmqSubscription subscription = subscriptions.get(tmqRow.partition().topic());
        if (subscription == null) {
            throw new ConnectException("TMQ returned a row of topic " + tmqRow.partition().topic()
                    + ", which this task did not subscribe to");
        }
        TableSchema schema = subscription.schema();
        List<ColumnDef> columns = schema.columns();
        Object[] raw = new Object[columns.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = DriverValues.normalize(tmqRow.values().get(columns.get(i).name()));
        }
        String table = tmqRow.table() == null ? schema.measurement() : tmqRow.table();
        Row row = Row.fromDriver(schema, table, raw);
        // Ordered keys, so the serialized partition is the same on every worker (Connect compares it byte for byte).
        Map<String, Object> partition = new LinkedHashMap<>(4);
        partition.put("database", database);
        partition.put("topic", tmqRow.partition().topic());
        partition.put("vgroup", tmqRow.partition().vgroup());
        return RowRecords.create(partition, Map.of("offset", tmqRow.offset()), subscription.kafkaTopic(), row, formatter);
    }

    @Override
    public void acknowledge(SourceRecord record) {
        Long batch = pending.remove(record);
        if (batch != null) {
            acks.acknowledge(batch);
        }
    }

    /** Commits the positions of polls Kafka has fully acknowledged; called on the task's thread. */
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
