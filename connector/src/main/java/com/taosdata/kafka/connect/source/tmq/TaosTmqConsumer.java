package com.taosdata.kafka.connect.source.tmq;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;

import com.taosdata.jdbc.tmq.ConsumerRecord;
import com.taosdata.jdbc.tmq.ConsumerRecords;
import com.taosdata.jdbc.tmq.OffsetAndMetadata;
import com.taosdata.jdbc.tmq.TaosConsumer;
import com.taosdata.jdbc.tmq.TopicPartition;
import com.taosdata.kafka.connect.connection.ErrorCodes;
import com.taosdata.kafka.connect.connection.SqlExceptionTranslator;
import com.taosdata.kafka.connect.connection.TDengineException;

/** {@link TmqConsumer} over taos-jdbcdriver's {@code TaosConsumer} (native or WebSocket). */
public final class TaosTmqConsumer implements TmqConsumer {

    private final TaosConsumer<Map<String, Object>> consumer;

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
    public Set<TmqPartition> assignment() {
        try {
            Set<TmqPartition> assigned = new HashSet<>();
            consumer.assignment().forEach(tp -> assigned.add(new TmqPartition(tp.getTopic(), tp.getVGroupId())));
            return assigned;
        } catch (SQLException e) {
            throw SqlExceptionTranslator.translate("reading the TMQ assignment", e);
        }
    }

    @Override
    public OptionalLong position(TmqPartition partition) {
        try {
            return OptionalLong.of(consumer.position(topicPartition(partition)));
        } catch (SQLException e) {
            requirePositionUnknown(SqlExceptionTranslator.translate("reading the TMQ position of " + partition, e));
            return OptionalLong.empty();
        }
    }

    @Override
    public boolean seek(TmqPartition partition, long position) {
        try {
            consumer.seek(topicPartition(partition), position);
            return true;
        } catch (SQLException e) {
            requirePositionUnknown(SqlExceptionTranslator.translate("seeking TMQ " + partition, e));
            return false;
        }
    }

    @Override
    public boolean commit(TmqPartition partition, long position) {
        try {
            consumer.commitSync(Map.of(topicPartition(partition), new OffsetAndMetadata(position)));
            return true;
        } catch (SQLException e) {
            requirePositionUnknown(SqlExceptionTranslator.translate("committing the TMQ offset of " + partition, e));
            return false;
        }
    }

    private static TopicPartition topicPartition(TmqPartition partition) {
        return new TopicPartition(partition.topic(), partition.vgroup());
    }

    /** Throws {@code failure} unless it says this consumer cannot handle the vgroup's position now. */
    private static void requirePositionUnknown(TDengineException failure) {
        if (!ErrorCodes.isTmqPositionUnknown(failure.code())) {
            throw failure;
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
