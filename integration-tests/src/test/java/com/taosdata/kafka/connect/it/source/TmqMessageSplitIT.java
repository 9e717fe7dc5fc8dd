package com.taosdata.kafka.connect.it.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.jdbc.tmq.ConsumerRecord;
import com.taosdata.jdbc.tmq.ConsumerRecords;
import com.taosdata.jdbc.tmq.OffsetAndMetadata;
import com.taosdata.jdbc.tmq.TaosConsumer;
import com.taosdata.jdbc.tmq.TopicPartition;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the subscription source's positions rest on, shown on TDengine itself, without the connector: a vnode ends a
 * TMQ message once it holds {@code min.poll.rows} rows, even inside the WAL entry of one INSERT into several child
 * tables, and the consumer's position after such a message already lies past the entry. The entry's other blocks
 * live on only in the vnode's reader, which follows the last poll of whichever consumer read the vgroup: a consumer
 * that takes the vgroup over at that committed position, after its former owner read on without committing, never
 * sees them. This is how the rolling restart of an exactly-once subscription source lost the rows of some child
 * tables of one INSERT. Both consumers of taos-jdbcdriver hand {@code min.poll.rows} to TDengine: the JNI one to
 * {@code tmq_conf_set}, the WebSocket one in its subscription's {@code config}, which taosAdapter passes on.
 */
class TmqMessageSplitIT {

    private static final int TABLES = 5;
    private static final int ROWS_PER_TABLE = 1000;

    private final ItEnvironment env = ItEnvironment.get();
    private final TDengineTarget td = env.tdengine();

    @RegisterExtension
    @Order(1)
    final Databases databases = new Databases(td);

    @BeforeEach
    void requireTmq() {
        Assumptions.assumeTrue(td.offersTmq(), "needs a real TDengine (TMQ); TDENGINE_URL is " + td.connectionUrl());
    }

    @Test
    void aPositionAfterAMessageEndedInsideAnInsertSkipsTheInsertsOtherTablesForTheNextConsumer() throws Exception {
        String topic = topicOfOneInsert("tmqsplit");
        String group = ItEnvironment.unique("tmqsplit_g");

        long committed;
        try (TaosConsumer<Map<String, Object>> first = new TaosConsumer<>(splitting(group, "first"))) {
            first.subscribe(List.of(topic));
            Map<String, Integer> firstMessage = rowsPerTable(firstMessage(first));
            TopicPartition vgroup = first.assignment().iterator().next();
            committed = first.position(vgroup);
            first.commitSync(Map.of(vgroup, new OffsetAndMetadata(committed)));
            // Read on without committing, as a task whose transaction is aborted when it is stopped.
            Map<String, Integer> uncommitted = rowsPerTable(firstMessage(first));

            assertThat(firstMessage).containsExactly(Map.entry("d1", ROWS_PER_TABLE), Map.entry("d2", ROWS_PER_TABLE));
            assertThat(uncommitted).containsExactly(Map.entry("d3", ROWS_PER_TABLE), Map.entry("d4", ROWS_PER_TABLE));
            assertThat(first.position(vgroup)).isEqualTo(committed);
            first.unsubscribe();
        }

        try (TaosConsumer<Map<String, Object>> next = new TaosConsumer<>(splitting(group, "next"))) {
            next.subscribe(List.of(topic));
            Map<String, Integer> read = new TreeMap<>();
            for (ConsumerRecords<Map<String, Object>> records = firstMessage(next);
                    !records.isEmpty();
                    records = next.poll(Duration.ofSeconds(2))) {
                rowsPerTable(records).forEach((table, rows) -> read.merge(table, rows, Integer::sum));
            }
            assertThat(read).containsExactly(Map.entry("d5", ROWS_PER_TABLE));
            next.unsubscribe();
        }
    }

    /**
     * The rest of the split entry stays with the vgroup's reader even when the consumer seeks: the next message after
     * a seek to the entry's start begins with that rest, not with the entry's first table. Polling the vgroup from its
     * last entry until a message ends before {@code min.poll.rows} (or none comes) reads the rest away, and the seek
     * then reads the entry from its start. The subscription source drains every vgroup it takes over this way.
     */
    @Test
    void whatTheVgroupsReaderKeptOfASplitEntryComesFirstAfterASeekUntilItIsDrained() throws Exception {
        String topic = topicOfOneInsert("tmqkept");

        try (TaosConsumer<Map<String, Object>> consumer =
                new TaosConsumer<>(splitting(ItEnvironment.unique("tmqkept_g"), "kept"))) {
            consumer.subscribe(List.of(topic));
            ConsumerRecords<Map<String, Object>> first = firstMessage(consumer);
            TopicPartition vgroup = consumer.assignment().iterator().next();
            long entryStart = messageOffset(first);
            assertThat(tablesInOrder(first)).containsExactly("d1", "d2");

            consumer.seek(vgroup, entryStart);
            assertThat(tablesInOrder(firstMessage(consumer))).containsExactly("d3", "d4");

            consumer.seek(vgroup, consumer.endOffsets(topic).get(vgroup) - 1);
            for (ConsumerRecords<Map<String, Object>> records = firstMessage(consumer);
                    records.count() >= ROWS_PER_TABLE * 3 / 2;
                    records = consumer.poll(Duration.ofSeconds(2))) {
                // Rows of the last entry, or what was kept of one: dropped.
            }
            consumer.seek(vgroup, entryStart);
            assertThat(tablesInOrder(firstMessage(consumer))).containsExactly("d1", "d2");
            consumer.unsubscribe();
        }
    }

    /**
     * A topic of a one-vgroup database whose WAL holds one INSERT of {@value #ROWS_PER_TABLE} rows into each of
     * {@value #TABLES} child tables.
     */
    private String topicOfOneInsert(String prefix) {
        String database = databases.add(ItEnvironment.unique(prefix));
        String topic = "t_" + database;
        td.execute("CREATE DATABASE `" + database + "` VGROUPS 1 WAL_RETENTION_PERIOD 3600");
        td.execute("CREATE STABLE `" + database + "`.m (ts TIMESTAMP, v INT) TAGS (t INT)");
        td.execute(insertIntoEveryTable(database));
        td.execute("CREATE TOPIC `" + topic + "` AS SELECT tbname, ts, v FROM `" + database + "`.m");
        databases.addTopic(topic);
        return topic;
    }

    private static String insertIntoEveryTable(String database) {
        StringBuilder sql = new StringBuilder("INSERT INTO");
        for (int table = 1; table <= TABLES; table++) {
            sql.append(" `")
                    .append(database)
                    .append("`.d")
                    .append(table)
                    .append(" USING `")
                    .append(database)
                    .append("`.m TAGS (")
                    .append(table)
                    .append(") VALUES");
            for (int row = 0; row < ROWS_PER_TABLE; row++) {
                sql.append(" (")
                        .append(1_700_000_000_000L + row)
                        .append(',')
                        .append(row)
                        .append(')');
            }
        }
        return sql.toString();
    }

    /** Consumer properties with which a vnode ends a message after the blocks of two of the INSERT's tables. */
    private Properties splitting(String group, String client) {
        Properties properties = td.tmqConsumerProperties(group, client);
        properties.setProperty("min.poll.rows", Integer.toString(ROWS_PER_TABLE * 3 / 2));
        return properties;
    }

    /** The next message with rows; a consumer that just subscribed takes a few polls to get one. */
    private static ConsumerRecords<Map<String, Object>> firstMessage(TaosConsumer<Map<String, Object>> consumer)
            throws Exception {
        ConsumerRecords<Map<String, Object>> records = ConsumerRecords.emptyRecord();
        for (int attempt = 0; attempt < 30 && records.isEmpty(); attempt++) {
            records = consumer.poll(Duration.ofSeconds(1));
        }
        return records;
    }

    /** The offset of a message: the position it was read from. */
    private static long messageOffset(ConsumerRecords<Map<String, Object>> records) {
        for (ConsumerRecord<Map<String, Object>> record : records) {
            return record.getOffset();
        }
        throw new AssertionError("no rows in the message");
    }

    /** The tables of a message's rows, in the order their rows come. */
    private static List<String> tablesInOrder(ConsumerRecords<Map<String, Object>> records) {
        List<String> tables = new ArrayList<>();
        for (ConsumerRecord<Map<String, Object>> record : records) {
            String table = tableOf(record);
            if (tables.isEmpty() || !tables.get(tables.size() - 1).equals(table)) {
                tables.add(table);
            }
        }
        return tables;
    }

    private static String tableOf(ConsumerRecord<Map<String, Object>> record) {
        Object table = record.value().get("tbname");
        return table instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(table);
    }

    private static Map<String, Integer> rowsPerTable(ConsumerRecords<Map<String, Object>> records) {
        Map<String, Integer> rows = new TreeMap<>();
        for (ConsumerRecord<Map<String, Object>> record : records) {
            rows.merge(tableOf(record), 1, Integer::sum);
        }
        return rows;
    }
}
