package com.taosdata.kafka.connect.sink.write;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

import com.taosdata.kafka.connect.connection.ErrorKind;
import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.sink.record.EncodedRecord;
import com.taosdata.kafka.connect.sink.record.RecordIds;

/**
 * Writes a batch of records into one database. TDengine's schemaless batches are not atomic and one bad line fails
 * the call, so on a data error the batch is split in halves and each half written again, down to the single records
 * at fault, which are returned with TDengine's reason for the task to hand to the {@link BadRecordHandler}. Lines
 * written twice on the way are harmless: a row with the same timestamp in the same table overwrites the earlier one.
 * Transient errors are retried by the {@link RetryPolicy}. Runs on the task's writer thread.
 */
public final class IsolatingBatchWriter {

    /** A record TDengine rejected, and why. */
    public record Rejected(SinkRecord record, DataException reason) {
    }

    private final SchemalessWriter writer;
    private final RetryPolicy retry;
    private final SinkTaskMetrics metrics;

    public IsolatingBatchWriter(SchemalessWriter writer, RetryPolicy retry, SinkTaskMetrics metrics) {
        this.writer = writer;
        this.retry = retry;
        this.metrics = metrics;
    }

    /** Writes every good record of {@code records} and returns the rejected ones, in offset order. */
    public List<Rejected> write(String database, List<EncodedRecord> records) {
        List<Rejected> rejected = new ArrayList<>();
        write(database, records, rejected);
        return rejected;
    }

    private void write(String database, List<EncodedRecord> records, List<Rejected> rejected) {
        if (records.isEmpty()) {
            return;
        }
        List<String> payloads = payloads(records);
        try {
            long started = System.nanoTime();
            retry.call("writing " + records.size() + " record(s) into database " + database, () -> {
                writer.write(database, payloads);
                return null;
            }, cause -> metrics.retried());
            metrics.batchWritten(records.size(), payloads.size(), System.nanoTime() - started);
        } catch (TDengineException e) {
            if (e.kind() != ErrorKind.DATA) {
                throw e;
            }
            isolate(database, records, e, rejected);
        }
    }

    private void isolate(String database, List<EncodedRecord> records, TDengineException cause, List<Rejected> rejected) {
        if (records.size() == 1) {
            SinkRecord bad = records.get(0).record();
            rejected.add(new Rejected(bad, new DataException(RecordIds.describe(bad) + " rejected by TDengine: "
                    + cause.getMessage(), cause)));
            return;
        }
        int middle = records.size() / 2;
        write(database, records.subList(0, middle), rejected);
        write(database, records.subList(middle, records.size()), rejected);
    }

    private static List<String> payloads(List<EncodedRecord> records) {
        List<String> payloads = new ArrayList<>(records.size());
        for (EncodedRecord record : records) {
            payloads.addAll(record.payloads());
        }
        return payloads;
    }
}
