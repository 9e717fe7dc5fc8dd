package com.taosdata.kafka.connect.source.format;

import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Kafka records for rows. The key is the table name, so with more than one partition all rows of a table land in
 * the same partition and keep their order; the record timestamp is the row's, in milliseconds.
 */
public final class RowRecords {

    private RowRecords() {}

    public static SourceRecord create(
            Map<String, ?> partition, Map<String, ?> offset, String topic, Row row, RowFormatter formatter) {
        FormattedValue value = formatter.format(row);
        return new SourceRecord(
                partition,
                offset,
                topic,
                null,
                Schema.STRING_SCHEMA,
                row.table(),
                value.schema(),
                value.value(),
                row.timestampMillis());
    }
}
