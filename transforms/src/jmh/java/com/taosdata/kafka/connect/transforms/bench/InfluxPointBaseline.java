package com.taosdata.kafka.connect.transforms.bench;

import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.influxdb.dto.Point;

/**
 * The baseline {@code ToLineProtocol} is measured against: what a user writes instead of the SMT, influxdb-java's
 * {@link Point} built from the record's fields by name and printed with {@link Point#lineProtocol()} into a new
 * record, as the SMT returns one.
 */
final class InfluxPointBaseline {

    private final Set<String> tags;
    private final String timestampField;

    InfluxPointBaseline(Set<String> tags, String timestampField) {
        this.tags = tags;
        this.timestampField = timestampField;
    }

    SinkRecord apply(SinkRecord record) {
        Point.Builder point = Point.measurement(record.topic());
        if (record.value() instanceof Struct struct) {
            for (Field field : struct.schema().fields()) {
                add(point, field.name(), struct.get(field));
            }
        } else {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) record.value()).entrySet()) {
                add(point, (String) entry.getKey(), entry.getValue());
            }
        }
        String line = point.build().lineProtocol();
        return record.newRecord(
                record.topic(),
                record.kafkaPartition(),
                record.keySchema(),
                record.key(),
                Schema.STRING_SCHEMA,
                line,
                record.timestamp());
    }

    private void add(Point.Builder point, String name, Object value) {
        if (value == null) {
            return;
        }
        if (name.equals(timestampField)) {
            long millis = value instanceof Date date ? date.getTime() : ((Number) value).longValue();
            point.time(millis, TimeUnit.MILLISECONDS);
        } else if (tags.contains(name)) {
            point.tag(name, value.toString());
        } else if (value instanceof Number number) {
            point.addField(name, number);
        } else if (value instanceof Boolean bool) {
            point.addField(name, bool);
        } else {
            point.addField(name, value.toString());
        }
    }
}
