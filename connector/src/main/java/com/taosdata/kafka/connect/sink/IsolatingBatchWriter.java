package com.taosdata.kafka.connect.sink;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.connect.errors.DataException;

import com.taosdata.kafka.connect.connection.ErrorKind;
import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.write.SchemalessWriter;

/**
 * Writes a batch of records into one database. TDengine's schemaless batches are not atomic and one bad line fails
 * the call, so on a data error the batch is split in halves and each half written again, down to the single records
 * at fault, which go to the {@link BadRecordHandler}. Lines written twice on the way are harmless: a row with the same
 * timestamp in the same table overwrites the earlier one. Transient errors are retried by the {@link RetryPolicy}.
 */
final class IsolatingBatchWriter {

    private final SchemalessWriter writer;
    private final RetryPolicy retry;
    private final BadRecordHandler badRecords;
    private final SinkTaskMetrics metrics;

    IsolatingBatchWriter(SchemalessWriter writer, RetryPolicy retry, BadRecordHandler badRecords, SinkTaskMetrics metrics) {
        this.writer = writer;
        this.retry = retry;
        this.badRecords = badRecords;
        this.metrics = metrics;
    }

    void write(String database, List<EncodedRecord> records) {
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
            isolate(database, records, e);
        }
    }

    private void isolate(String database, List<EncodedRecord> records, TDengineException cause) {
        if (records.size() == 1) {
            EncodedRecord bad = records.get(0);
            badRecords.handle(bad.record(), new DataException(RecordIds.describe(bad.record())
                    + " rejected by TDengine: " + cause.getMessage(), cause));
            return;
        }
        int middle = records.size() / 2;
        write(database, records.subList(0, middle));
        write(database, records.subList(middle, records.size()));
    }

    private static List<String> payloads(List<EncodedRecord> records) {
        List<String> payloads = new ArrayList<>(records.size());
        for (EncodedRecord record : records) {
            payloads.addAll(record.payloads());
        }
        return payloads;
    }
}
