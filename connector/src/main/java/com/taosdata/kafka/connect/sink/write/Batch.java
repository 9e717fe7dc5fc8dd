package com.taosdata.kafka.connect.sink.write;

import com.taosdata.kafka.connect.sink.record.EncodedRecord;
import java.util.List;

/**
 * Records drained from one database buffer, on their way to TDengine. The key tells batches apart, so offsets can be
 * tracked per batch while several batches of one database are buffered or in flight.
 */
public record Batch(Key key, List<EncodedRecord> records) {

    /** The database and the buffer's running number of the batch. */
    public record Key(String database, long sequence) {}
}
