package com.taosdata.kafka.connect.source.tmq;

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
import com.taosdata.jdbc.tmq.TMQEnhMap;
import com.taosdata.jdbc.tmq.TaosConsumer;
import com.taosdata.jdbc.tmq.TopicPartition;
import com.taosdata.kafka.connect.connection.SqlErrors;

/** {@link TmqConsumer} over taos-jdbcdriver's {@code TaosConsumer} (native or WebSocket). */
public final class TaosTmqConsumer implements TmqConsumer {

    private final TaosConsumer<TMQEnhMap> consumer;
    private Set<String> topics = Set.of();

    public TaosTmqConsumer(Properties properties) {
        try {
            this.consumer = new TaosConsumer<>(properties);
        } catch (SQLException e) {
            throw SqlErrors.translate("creating the TMQ consumer", e);
        }
    }

    @Override
    public void subscribe(Collection<String> topics) {
        try {
            consumer.subscribe(topics);
            this.topics = Set.copyOf(topics);
        } catch (SQLException e) {
            throw SqlErrors.translate("subscribing to " + topics, e);
        }
    }

    @Override
    public List<TmqRow> poll(Duration timeout) {
        ConsumerRecords<TMQEnhMap> records;
        try {
            records = consumer.poll(timeout);
        } catch (SQLException e) {
            throw SqlErrors.translate("polling TMQ", e);
        }
        List<TmqRow> rows = new ArrayList<>(records.count());
        for (ConsumerRecord<TMQEnhMap> record : records) {
            TMQEnhMap value = record.value();
            if (value != null) {
                rows.add(new TmqRow(new TmqPartition(record.getTopic(), record.getVGroupId()), record.getOffset(),
                        value.getTableName(), value.getMap()));
            }
        }
        return rows;
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
            throw SqlErrors.translate("reading TMQ positions", e);
        }
        return positions;
    }

    @Override
    public void commit(Map<TmqPartition, Long> positions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        positions.forEach((p, offset) -> offsets.put(new TopicPartition(p.topic(), p.vgroup()), new OffsetAndMetadata(offset)));
        try {
            consumer.commitSync(offsets);
        } catch (SQLException e) {
            throw SqlErrors.translate("committing TMQ offsets", e);
        }
    }

    @Override
    public void close() {
        try {
            consumer.close();
        } catch (SQLException e) {
            throw SqlErrors.translate("closing the TMQ consumer", e);
        }
    }
}
