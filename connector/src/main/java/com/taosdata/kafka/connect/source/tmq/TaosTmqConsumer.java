package com.taosdata.kafka.connect.source.tmq;

import com.taosdata.jdbc.tmq.ConsumerRecord;
import com.taosdata.jdbc.tmq.ConsumerRecords;
import com.taosdata.jdbc.tmq.OffsetAndMetadata;
import com.taosdata.jdbc.tmq.TaosConsumer;
import com.taosdata.jdbc.tmq.TopicPartition;
import com.taosdata.kafka.connect.connection.ErrorCodes;
import com.taosdata.kafka.connect.connection.SqlExceptionTranslator;
import com.taosdata.kafka.connect.connection.TDengineException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;

/** {@link TmqConsumer} over taos-jdbcdriver's {@code TaosConsumer} (native or WebSocket). */
public final class TaosTmqConsumer implements TmqConsumer {

    private final TaosConsumer<DriverRow> consumer;
    /** Where the table name column sits in rows with these labels. */
    private String[] tableNameLabels;

    private int tableNameIndex;

    public TaosTmqConsumer(Properties properties) {
        this(open(properties));
    }

    TaosTmqConsumer(TaosConsumer<DriverRow> consumer) {
        this.consumer = consumer;
    }

    private static TaosConsumer<DriverRow> open(Properties properties) {
        try {
            return new TaosConsumer<>(properties);
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
        ConsumerRecords<DriverRow> records;
        try {
            records = consumer.poll(timeout);
        } catch (SQLException e) {
            throw SqlExceptionTranslator.translate("polling TMQ", e);
        }
        List<TmqRow> rows = new ArrayList<>(records.count());
        TmqPartition partition = null;
        for (ConsumerRecord<DriverRow> record : records) {
            DriverRow row = record.value();
            if (row == null) {
                continue;
            }
            // A message's rows share their vgroup: one partition object for them all.
            if (partition == null
                    || partition.vgroup() != record.getVGroupId()
                    || !partition.topic().equals(record.getTopic())) {
                partition = new TmqPartition(record.getTopic(), record.getVGroupId());
            }
            rows.add(new TmqRow(partition, record.getOffset(), tableName(row), row));
        }
        return rows;
    }

    /** The row's child table, from the name column the topic selects; the JNI consumer hands VARCHAR over as bytes. */
    private String tableName(DriverRow row) {
        if (row.labels() != tableNameLabels) {
            tableNameLabels = row.labels();
            tableNameIndex = ColumnPositions.indexOf(row.labels(), TmqTopics.TABLE_NAME_COLUMN);
        }
        Object value = tableNameIndex < 0 ? null : row.values()[tableNameIndex];
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
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
        } catch (RuntimeException e) {
            // The JNI consumer reports a failed assignment read as a RuntimeException with the code in its text.
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
        } catch (RuntimeException e) {
            // The JNI consumer's seek fails with a RuntimeException carrying the code in its text: "ERROR
            // (0x80004001): Consumer mismatch" while the group rebalances (seen on 3.3.6.13 under load).
            requirePositionUnknown(translated("seeking TMQ " + partition, e));
            return false;
        }
    }

    @Override
    public Map<TmqPartition, Long> endOffsets(String topic) {
        try {
            Map<TmqPartition, Long> ends = new HashMap<>();
            consumer.endOffsets(topic)
                    .forEach((tp, end) -> ends.put(new TmqPartition(tp.getTopic(), tp.getVGroupId()), end));
            return ends;
        } catch (SQLException e) {
            throw SqlExceptionTranslator.translate("reading the end offsets of TDengine topic " + topic, e);
        } catch (RuntimeException e) {
            // The JNI consumer reads them with the assignment, which fails as a RuntimeException (see seek).
            throw SqlExceptionTranslator.translate("reading the end offsets of TDengine topic " + topic, e);
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

    /** {@code e} as TDengine's answer; thrown as it is when it carries no TDengine code (not TDengine's answer). */
    private static TDengineException translated(String what, RuntimeException e) {
        if (SqlExceptionTranslator.translate(what, e) instanceof TDengineException answer) {
            return answer;
        }
        throw e;
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
