package com.taosdata.kafka.connect.source.tmq;

import com.taosdata.kafka.connect.schemas.TdengineType;
import com.taosdata.kafka.connect.source.format.DriverValues;
import com.taosdata.kafka.connect.source.format.Row;
import com.taosdata.kafka.connect.source.format.RowFormatter;
import com.taosdata.kafka.connect.source.format.RowRecords;
import com.taosdata.kafka.connect.source.table.ColumnDef;
import com.taosdata.kafka.connect.source.table.TableSchema;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;

/** A TDengine topic of the task, with where its table's columns sit in the topic's rows. */
final class SubscribedTopic {

    private final TmqSubscription subscription;
    private final ColumnPositions columns;

    SubscribedTopic(TmqSubscription subscription) {
        this.subscription = subscription;
        this.columns = new ColumnPositions(subscription.schema().columns());
    }

    SourceRecord record(
            TmqRow tmqRow, Map<String, Object> sourcePartition, ReadPosition point, RowFormatter formatter) {
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
                SubscriptionOffsets.offset(tmqRow.offset(), point),
                subscription.kafkaTopic(),
                row,
                formatter);
    }
}
