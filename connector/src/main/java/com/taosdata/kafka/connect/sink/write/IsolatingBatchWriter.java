package com.taosdata.kafka.connect.sink.write;

import com.taosdata.kafka.connect.connection.ErrorKind;
import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.metrics.SinkTaskMetrics;
import com.taosdata.kafka.connect.sink.record.EncodedRecord;
import com.taosdata.kafka.connect.sink.record.RecordIds;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Writes a batch of records into one database. TDengine's batches (schemaless calls, multi-table INSERTs) are not
 * atomic and one bad line or value fails the call, so on a data error the batch is split in halves and each half
 * written again, down to the single records at fault, which are returned with TDengine's reason for the task to hand
 * to the {@link BadRecordHandler}. Rows written twice on the way are harmless: a row with the same timestamp in the
 * same table overwrites the earlier one. Transient errors are retried by the {@link RetryPolicy}. Runs on the task's
 * writer thread.
 */
public final class IsolatingBatchWriter {

    /** A record TDengine rejected, and why. */
    public record Rejected(SinkRecord record, DataException reason) {}

    /** What one call sent: lines or rows, and the bytes of their text. */
    public record Written(int rows, long bytes) {}

    /** Writes records into a database in one call (or statement) per list: their payloads, or their rows. */
    @FunctionalInterface
    public interface ChunkWriter {
        /** @return how many lines or rows went to TDengine, and how many bytes */
        Written write(String database, List<EncodedRecord> records) throws TDengineException;
    }

    private final ChunkWriter writer;
    private final RetryPolicy retry;
    private final SinkTaskMetrics metrics;

    public IsolatingBatchWriter(ChunkWriter writer, RetryPolicy retry, SinkTaskMetrics metrics) {
        this.writer = writer;
        this.retry = retry;
        this.metrics = metrics;
    }

    /** Writes records' schemaless payloads, all the payloads of a chunk of records in one call. */
    public static IsolatingBatchWriter schemaless(SchemalessWriter writer, RetryPolicy retry, SinkTaskMetrics metrics) {
        return new IsolatingBatchWriter(
                (database, records) -> {
                    List<String> payloads = new ArrayList<>(records.size());
                    for (EncodedRecord record : records) {
                        payloads.addAll(record.payloads());
                    }
                    return new Written(payloads.size(), writer.write(database, payloads));
                },
                retry,
                metrics);
    }

    /** Writes every good record of {@code items} and returns the rejected ones, in order. */
    public List<Rejected> write(String database, List<EncodedRecord> items) {
        List<Rejected> rejected = new ArrayList<>();
        write(database, items, rejected);
        return rejected;
    }

    private void write(String database, List<EncodedRecord> items, List<Rejected> rejected) {
        if (items.isEmpty()) {
            return;
        }
        try {
            long started = System.nanoTime();
            Written written = retry.call(
                    "writing " + items.size() + " record(s) into database " + database,
                    () -> writer.write(database, items),
                    cause -> metrics.retried());
            metrics.batchWritten(items.size(), written.rows(), written.bytes(), System.nanoTime() - started);
            recordAges(items);
        } catch (TDengineException e) {
            if (e.kind() != ErrorKind.DATA) {
                throw e;
            }
            isolate(database, items, e, rejected);
        }
    }

    private void recordAges(List<EncodedRecord> items) {
        long now = metrics.nowMs();
        long count = 0;
        long sum = 0;
        long max = Long.MIN_VALUE;
        for (EncodedRecord item : items) {
            Long timestamp = item.timestamp();
            if (timestamp != null) {
                long age = now - timestamp;
                count++;
                sum += age;
                max = Math.max(max, age);
            }
        }
        if (count > 0) {
            metrics.batchAges((double) sum / count, max, now);
        }
    }

    private void isolate(String database, List<EncodedRecord> items, TDengineException cause, List<Rejected> rejected) {
        if (items.size() == 1) {
            SinkRecord bad = items.get(0).record();
            rejected.add(new Rejected(
                    bad,
                    new DataException(
                            RecordIds.describe(bad) + " rejected by TDengine: " + cause.getMessage(), cause)));
            return;
        }
        int middle = items.size() / 2;
        write(database, items.subList(0, middle), rejected);
        write(database, items.subList(middle, items.size()), rejected);
    }
}
