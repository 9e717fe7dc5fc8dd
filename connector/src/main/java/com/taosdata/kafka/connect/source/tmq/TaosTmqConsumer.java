package com.taosdata.kafka.connect.source.tmq;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import com.taosdata.jdbc.tmq.ConsumerRecord;
import com.taosdata.jdbc.tmq.ConsumerRecords;
import com.taosdata.jdbc.tmq.OffsetAndMetadata;
import com.taosdata.jdbc.tmq.TaosConsumer;
import com.taosdata.jdbc.tmq.TopicPartition;
import com.taosdata.kafka.connect.connection.SqlExceptionTranslator;

/** {@link TmqConsumer} over taos-jdbcdriver's {@code TaosConsumer} (native or WebSocket). */
public final class TaosTmqConsumer implements TmqConsumer {

    private final TaosConsumer<Map<String, Object>> consumer;
    private Set<String> topics = Set.of();

    public TaosTmqConsumer(Properties properties) {
        try {
            this.consumer = new TaosConsumer<>(properties);
        } catch (SQLException e) {
            throw SqlExceptionTranslator.translate("creating the TMQ consumer", e);
        }
    }

    @Override
    public void subscribe(Collection<String> topics) {
        try {
            consumer.subscribe(topics);
            this.topics = Set.copyOf(topics);
        } catch (SQLException e) {
            throw SqlExceptionTranslator.translate("subscribing to " + topics, e);
        }
    }

    @Override
    public List<TmqRow> poll(Duration timeout) {
        ConsumerRecords<Map<String, Object>> records;
        try {
            records = consumer.poll(timeout);
        } catch (SQLException e) {
            throw SqlExceptionTranslator.translate("polling TMQ", e);
        }
        List<TmqRow> rows = new ArrayList<>(records.count());
        for (ConsumerRecord<Map<String, Object>> record : records) {
            Map<String, Object> values = record.value();
            if (values != null) {
                rows.add(new TmqRow(new TmqPartition(record.getTopic(), record.getVGroupId()), record.getOffset(),
                        tableName(values.remove(TmqTopics.TABLE_NAME_COLUMN)), values));
            }
        }
        return rows;
    }

    /** The JNI consumer hands VARCHAR values over as bytes, the WebSocket one as strings. */
    private static String tableName(Object value) {
        if (value instanceof byte[]) {
            return new String((byte[]) value, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    @Override
    public Map<TmqPartition, Long> positions() {
        Map<TmqPartition, Long> positions = new HashMap<>();
        try {
            for (String topic : topics) {
                consumer.position(topic).forEach((tp, offset) ->
                        positions.put(new TmqPartition(tp.getTopic(), tp.getVGroupId()), offset));
            }
        } catch (SQLException e) {
            throw SqlExceptionTranslator.translate("reading TMQ positions", e);
        }
        return positions;
    }

    @Override
    public void seek(TmqPartition partition, long position) {
        try {
            consumer.seek(new TopicPartition(partition.topic(), partition.vgroup()), position);
        } catch (SQLException e) {
            throw SqlExceptionTranslator.translate("seeking TMQ " + partition, e);
        }
    }

    @Override
    public void commit(Map<TmqPartition, Long> positions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        positions.forEach((p, offset) -> offsets.put(new TopicPartition(p.topic(), p.vgroup()), new OffsetAndMetadata(offset)));
        try {
            consumer.commitSync(offsets);
        } catch (SQLException e) {
            throw SqlExceptionTranslator.translate("committing TMQ offsets", e);
        }
    }

    @Override
    public void close() {
        try {
            consumer.close();
        } catch (SQLException e) {
            throw SqlExceptionTranslator.translate("closing the TMQ consumer", e);
        }
    }
}
