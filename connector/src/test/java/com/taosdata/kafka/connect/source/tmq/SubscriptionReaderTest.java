package com.taosdata.kafka.connect.source.tmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.connection.ErrorKind;
import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.metrics.ManualTime;
import com.taosdata.kafka.connect.metrics.SourceTaskMetrics;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.schemas.source.TdengineColumnType;
import com.taosdata.kafka.connect.source.config.OutFormat;
import com.taosdata.kafka.connect.source.format.RowFormatters;
import com.taosdata.kafka.connect.source.table.ColumnDef;
import com.taosdata.kafka.connect.source.table.ColumnDef.Role;
import com.taosdata.kafka.connect.source.table.TableSchema;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class SubscriptionReaderTest {

    private static final String TOPIC = "tdconnect_power_meters";
    private static final TableSchema SCHEMA = new TableSchema(
            "power",
            "meters",
            TimestampUnit.MS,
            List.of(
                    new ColumnDef("ts", TdengineColumnType.parse("TIMESTAMP"), Role.TIMESTAMP),
                    new ColumnDef("v", TdengineColumnType.parse("INT"), Role.COLUMN),
                    new ColumnDef("loc", TdengineColumnType.parse("NCHAR(8)"), Role.TAG)));

    private final FakeTmqConsumer consumer = new FakeTmqConsumer();
    private final ManualTime time = new ManualTime(1_000_000);
    private final SourceTaskMetrics metrics = SourceTaskMetrics.unpublished(time, true);
    /** Connect's stored offsets, by serialized partition: a partition whose keys come in another order finds none. */
    private final Map<String, Map<String, Object>> connectOffsets = new HashMap<>();

    private final SubscriptionReader reader = newReader(Duration.ofMillis(10), TmqProperties.MESSAGE_ROWS);

    /** The source partition of a vgroup, its keys in the order Connect serializes them. */
    private static Map<String, Object> partition(int vgroup) {
        Map<String, Object> partition = new LinkedHashMap<>();
        partition.put("database", "power");
        partition.put("vgroup", vgroup);
        partition.put("topic", TOPIC);
        return partition;
    }

    /** What Connect stores a partition under: its entries in iteration order. */
    private static String serialized(Map<String, ?> partition) {
        return partition.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** The topic's column labels, one array for every row, as the driver's deserializer shares them. */
    private static final String[] LABELS = {"tbname", "ts", "v", "loc"};

    private static TmqRow row(int vgroup, long offset, String table, long ts, int v) {
        return new TmqRow(new TmqPartition(TOPIC, vgroup), offset, table, new DriverRow(LABELS, new Object[] {
            table, new Timestamp(ts), v, "x"
        }));
    }

    @Test
    void subscribesToEveryTopicOfTheTask() throws Exception {
        reader.start();
        assertThat(consumer.subscribed).containsExactly(TOPIC);
    }

    @Test
    void rowsBecomeRecordsOfTheirTableInTheKafkaTopic() throws Exception {
        consumer.thenRows(row(1, 7, "d1001", 1000, 5));
        List<SourceRecord> records = reader.poll();
        assertThat(records).hasSize(1);
        SourceRecord record = records.get(0);
        assertThat(record.topic()).isEqualTo("power-meters");
        assertThat(record.key()).isEqualTo("d1001");
        assertThat(record.value()).isEqualTo("meters,loc=x v=5i32 1000");
        assertThat(serialized(record.sourcePartition())).isEqualTo(serialized(partition(1)));
        assertThat(record.sourceOffset()).isEqualTo(Map.of("offset", 7L, "position", 8L, "skip", 0L));
    }

    /** A record's offset as {@code position+skip}. */
    private static String point(SourceRecord record) {
        return record.sourceOffset().get("position") + "+"
                + record.sourceOffset().get("skip");
    }

    @Test
    void onlyTheLastRowOfAVgroupInAPollCarriesThePositionAfterIt() throws Exception {
        consumer.assigned(new TmqPartition(TOPIC, 1), 7).assigned(new TmqPartition(TOPIC, 2), 3);
        reader.start();
        consumer.thenRows(row(1, 7, "d1001", 1000, 5), row(2, 3, "d1002", 1000, 6), row(1, 7, "d1003", 1000, 7));

        List<SourceRecord> records = reader.poll();

        assertThat(records).extracting(SubscriptionReaderTest::point).containsExactly("7+1", "4+0", "8+0");
    }

    @Test
    void aRowBeforeTheLastOfItsVgroupCarriesItsMessagesOffsetAndTheRowsReadFromThere() throws Exception {
        reader.start();
        consumer.thenRows(row(1, 7, "d1001", 1000, 5), row(1, 7, "d1003", 1000, 7))
                .thenRows(row(1, 8, "d1001", 2000, 5), row(1, 8, "d1003", 2000, 7));

        assertThat(reader.poll()).extracting(SubscriptionReaderTest::point).containsExactly("7+1", "8+0");
        assertThat(reader.poll()).extracting(SubscriptionReaderTest::point).containsExactly("8+1", "9+0");
    }

    @Test
    void theLastRowOfAVgroupWhosePositionIsUnknownAfterThePollCarriesItsMessagesOffset() throws Exception {
        TmqPartition vgroup1 = new TmqPartition(TOPIC, 1);
        consumer.thenRowsThen(() -> consumer.rebalanced(vgroup1), row(1, 7, "d1001", 1000, 5));

        List<SourceRecord> records = reader.poll();

        assertThat(records)
                .extracting(r -> (Object) r.sourceOffset().get("position"))
                .containsExactly(7L);
        reader.acknowledge(records.get(0));
        reader.poll();
        assertThat(consumer.commits).isEmpty();
    }

    @Test
    void aVgroupARebalanceGivesThisTaskResumesWhereConnectStoredIt() throws Exception {
        consumer.assigned(new TmqPartition(TOPIC, 1), 5);
        reader.start();
        // Another task read vgroup 2 up to 12 and Kafka has it; TDengine's group had committed only 9.
        connectOffsets.put(serialized(partition(2)), Map.of("offset", 11L, "position", 12L));
        consumer.thenRows(row(1, 5, "d1001", 1000, 5), row(2, 9, "d1002", 900, 6), row(2, 10, "d1002", 1000, 6))
                .thenRows(row(2, 12, "d1002", 3000, 8));

        assertThat(reader.poll()).extracting(SourceRecord::key).containsExactly("d1001");
        assertThat(consumer.seeks).containsExactly(Map.entry(new TmqPartition(TOPIC, 2), 12L));
        assertThat(reader.poll())
                .extracting(r -> (Object) r.sourceOffset().get("position"))
                .containsExactly(13L);
    }

    @Test
    void aVgroupARebalanceGivesThisTaskKeepsItsRowsWhenConnectStoredNothingPastThem() throws Exception {
        connectOffsets.put(serialized(partition(2)), Map.of("offset", 8L, "position", 9L));
        consumer.thenRows(row(2, 9, "d1002", 1000, 6));

        assertThat(reader.poll()).hasSize(1);
        assertThat(consumer.seeks).isEmpty();
    }

    @Test
    void aVgroupPositionUnknownAtTheStartIsResumedAtItsFirstRows() throws Exception {
        TmqPartition vgroup1 = new TmqPartition(TOPIC, 1);
        consumer.rebalanced(vgroup1);
        connectOffsets.put(serialized(partition(1)), Map.of("offset", 7L, "position", 8L));
        reader.start();
        assertThat(consumer.seeks).isEmpty();
        consumer.thenRows(row(1, 5, "d1001", 1000, 5));

        assertThat(reader.poll()).isEmpty();
        assertThat(consumer.seeks).containsExactly(Map.entry(vgroup1, 8L));
    }

    @Test
    void rowsOfAVgroupTakenAwayDuringThePollAreLeftToItsNewOwner() throws Exception {
        TmqPartition vgroup2 = new TmqPartition(TOPIC, 2);
        consumer.thenRowsThen(
                () -> consumer.revoked(vgroup2), row(1, 7, "d1001", 1000, 5), row(2, 3, "d1002", 1000, 6));

        assertThat(reader.poll()).extracting(SourceRecord::key).containsExactly("d1001");
    }

    @Test
    void aVgroupThatComesBackIsResumedAgain() throws Exception {
        TmqPartition vgroup1 = new TmqPartition(TOPIC, 1);
        consumer.thenRows(row(1, 7, "d1001", 1000, 5), row(2, 3, "d1002", 1000, 6))
                .thenRowsThen(() -> consumer.revoked(vgroup1), row(2, 4, "d1002", 2000, 6))
                .thenRows(row(1, 8, "d1001", 2000, 5));
        assertThat(reader.poll()).hasSize(2);
        reader.poll();
        // Meanwhile its other owner wrote up to 20.
        connectOffsets.put(serialized(partition(1)), Map.of("offset", 19L, "position", 20L));

        assertThat(reader.poll()).isEmpty();
        assertThat(consumer.seeks).containsExactly(Map.entry(vgroup1, 20L));
    }

    @Test
    void aVgroupThatComesBackResumesAfterTheRecordsThisReaderHandedOutBeforeConnectStoresThem() throws Exception {
        TmqPartition vgroup1 = new TmqPartition(TOPIC, 1);
        consumer.thenRows(row(1, 7, "d1001", 1000, 5), row(2, 3, "d1002", 1000, 6))
                .thenRowsThen(() -> consumer.revoked(vgroup1), row(2, 4, "d1002", 2000, 6))
                // Back at the group's committed offset, 5: the records up to 8 are still on their way to Kafka.
                .thenRows(row(1, 5, "d1001", 500, 5));
        reader.poll();
        reader.poll();

        assertThat(reader.poll()).isEmpty();
        assertThat(consumer.seeks).containsExactly(Map.entry(vgroup1, 8L));
    }

    @Test
    void aVgroupThatLeftAndCameBackBetweenTwoPollsResumesAfterWhatThisReaderHandedOut() throws Exception {
        consumer.thenRows(row(1, 7, "d1001", 1000, 5))
                // Given away and back at the group's committed offset, 5, with no poll in between to show it.
                .thenRows(row(1, 5, "d1001", 500, 5))
                .thenRows(row(1, 8, "d1001", 2000, 5));
        reader.poll();

        assertThat(reader.poll()).isEmpty();
        assertThat(consumer.seeks).containsExactly(Map.entry(new TmqPartition(TOPIC, 1), 8L));
        assertThat(reader.poll()).extracting(SourceRecord::key).containsExactly("d1001");
    }

    @Test
    void aPositionTheConsumerCannotCommitAfterARebalanceIsCommittedOnceItReadsTheVgroupAgain() throws Exception {
        TmqPartition vgroup1 = new TmqPartition(TOPIC, 1);
        consumer.thenRows(row(1, 7, "d1001", 1000, 5))
                .thenRows(row(2, 3, "d1002", 1000, 6))
                .thenRows(row(1, 8, "d1001", 2000, 5));
        reader.acknowledge(reader.poll().get(0));
        consumer.rebalanced(vgroup1);
        reader.poll();
        assertThat(consumer.commits).isEmpty();

        reader.poll();
        reader.poll();

        assertThat(consumer.commits).containsExactly(Map.entry(vgroup1, 8L));
    }

    @Test
    void aPositionOfAVgroupGivenAwayIsNotCommitted() throws Exception {
        TmqPartition vgroup2 = new TmqPartition(TOPIC, 2);
        consumer.thenRows(row(1, 7, "d1001", 1000, 5), row(2, 3, "d1002", 1000, 6))
                .thenRowsThen(() -> consumer.revoked(vgroup2), row(1, 8, "d1001", 2000, 5));
        List<SourceRecord> records = reader.poll();
        records.forEach(reader::acknowledge);
        consumer.revoked(vgroup2);
        reader.poll();

        assertThat(consumer.commits).containsExactly(Map.entry(new TmqPartition(TOPIC, 1), 8L));
    }

    @Test
    void startMovesAVgroupForwardToThePositionConnectStored() throws Exception {
        consumer.assigned(new TmqPartition(TOPIC, 1), 5).assigned(new TmqPartition(TOPIC, 2), 9);
        connectOffsets.put(serialized(partition(1)), Map.of("offset", 7L, "position", 8L));
        connectOffsets.put(serialized(partition(2)), Map.of("offset", 8L, "position", 9L));

        reader.start();

        assertThat(consumer.seeks).containsExactly(Map.entry(new TmqPartition(TOPIC, 1), 8L));
    }

    @Test
    void startMovesAVgroupBackToThePositionConnectStoredBehindTDengines() throws Exception {
        // An operator set the offset back (PATCH /connectors/NAME/offsets) to read the rows from 5 again.
        consumer.assigned(new TmqPartition(TOPIC, 2), 9);
        connectOffsets.put(serialized(partition(2)), Map.of("offset", 4L, "position", 5L));

        reader.start();

        assertThat(consumer.seeks).containsExactly(Map.entry(new TmqPartition(TOPIC, 2), 5L));
    }

    @Test
    void aVgroupWithoutAStoredOffsetStaysWhereTDengineHandsItOver() throws Exception {
        // After DELETE /connectors/NAME/offsets: the group's committed offset, or subscription.from for a new group.
        consumer.assigned(new TmqPartition(TOPIC, 2), 9);

        reader.start();

        assertThat(consumer.seeks).isEmpty();
    }

    @Test
    void aVgroupARebalanceGivesThisTaskReadsAgainFromThePositionConnectStoredBehindItsRows() throws Exception {
        connectOffsets.put(serialized(partition(2)), Map.of("offset", 6L, "position", 7L));
        consumer.thenRows(row(2, 9, "d1002", 900, 6))
                .thenRows(row(2, 7, "d1002", 700, 4), row(2, 8, "d1002", 800, 5), row(2, 9, "d1002", 900, 6));

        assertThat(reader.poll()).isEmpty();
        assertThat(consumer.seeks).containsExactly(Map.entry(new TmqPartition(TOPIC, 2), 7L));
        assertThat(reader.poll())
                .extracting(r -> (Object) r.sourceOffset().get("offset"))
                .containsExactly(7L, 8L, 9L);
    }

    @Test
    void aVgroupThatComesBackIsNotMovedBehindTheRecordsThisReaderHandedOut() throws Exception {
        TmqPartition vgroup1 = new TmqPartition(TOPIC, 1);
        // Connect stored 6 while this reader's records up to 8 are still on their way to Kafka.
        connectOffsets.put(serialized(partition(1)), Map.of("offset", 5L, "position", 6L));
        consumer.thenRows(row(1, 6, "d1001", 600, 5), row(1, 7, "d1001", 700, 5))
                .thenRowsThen(() -> consumer.revoked(vgroup1), row(2, 4, "d1002", 2000, 6))
                .thenRows(row(1, 8, "d1001", 800, 5));
        reader.start();
        assertThat(reader.poll()).hasSize(2);
        reader.poll();

        assertThat(reader.poll()).extracting(SourceRecord::key).containsExactly("d1001");
        assertThat(consumer.seeks).isEmpty();
    }

    @Test
    void anOffsetWithoutPositionIsNotResumedFrom() throws Exception {
        consumer.assigned(new TmqPartition(TOPIC, 1), 5);
        connectOffsets.put(serialized(partition(1)), Map.of("offset", 7L));

        reader.start();

        assertThat(consumer.seeks).isEmpty();
    }

    @Test
    void offsetsAreCommittedOnlyAfterKafkaAcknowledgedEveryRecord() throws Exception {
        consumer.thenRows(row(1, 7, "d1001", 1000, 5), row(2, 3, "d1002", 1000, 6));
        List<SourceRecord> records = reader.poll();
        reader.acknowledge(records.get(1));
        reader.poll();
        assertThat(consumer.commits).isEmpty();
        reader.acknowledge(records.get(0));
        reader.poll();
        assertThat(consumer.commits)
                .containsExactlyInAnyOrder(
                        Map.entry(new TmqPartition(TOPIC, 1), 8L), Map.entry(new TmqPartition(TOPIC, 2), 4L));
    }

    /** A reader of a consumer whose vnodes end a message once it holds three rows. */
    private SubscriptionReader readerEndingMessagesAtThreeRows() {
        return newReader(Duration.ofMillis(10), 3);
    }

    private SubscriptionReader newReader(Duration pollTimeout, int messageRows) {
        return new SubscriptionReader(
                consumer,
                List.of(new TmqSubscription(TOPIC, SCHEMA, "power-meters")),
                "power",
                RowFormatters.create(OutFormat.LINE, TimestampUnit.MS),
                new RetryPolicy(2, 0, millis -> {}),
                pollTimeout,
                partition -> connectOffsets.get(serialized(partition)),
                metrics,
                messageRows);
    }

    @Test
    void aMessageTdengineEndedAtItsRowLimitIsNoPlaceToResumeFrom() throws Exception {
        SubscriptionReader limited = readerEndingMessagesAtThreeRows();
        // WAL entry 5 holds one INSERT into d1, d2, d4, d5, d6: the vnode ended the message after d4, and the
        // position after it, 6, lies past d5 and d6, which only the vnode's reader still holds.
        consumer.thenRows(row(1, 5, "d1", 1000, 1), row(1, 5, "d2", 1000, 2), row(1, 5, "d4", 1000, 4));

        List<SourceRecord> records = limited.poll();

        assertThat(records).extracting(SubscriptionReaderTest::point).containsExactly("5+1", "5+2", "5+3");
        records.forEach(limited::acknowledge);
        limited.poll();
        assertThat(consumer.commits).isEmpty();
    }

    @Test
    void theNextMessageEndingAtTheWalsEndMovesThePositionOnPastTheSplitEntry() throws Exception {
        SubscriptionReader limited = readerEndingMessagesAtThreeRows();
        consumer.thenRows(row(1, 5, "d1", 1000, 1), row(1, 5, "d2", 1000, 2), row(1, 5, "d4", 1000, 4))
                .thenRows(row(1, 6, "d5", 1000, 5), row(1, 6, "d6", 1000, 6));

        List<SourceRecord> first = limited.poll();
        List<SourceRecord> second = limited.poll();

        assertThat(second).extracting(SubscriptionReaderTest::point).containsExactly("5+4", "7+0");
        first.forEach(limited::acknowledge);
        second.forEach(limited::acknowledge);
        limited.poll();
        assertThat(consumer.commits).containsExactly(Map.entry(new TmqPartition(TOPIC, 1), 7L));
    }

    @Test
    void aVgroupResumedInsideASplitEntryDropsTheRowsUpToTheStoredPoint() throws Exception {
        SubscriptionReader limited = readerEndingMessagesAtThreeRows();
        TmqPartition vgroup1 = new TmqPartition(TOPIC, 1);
        // Kafka has d1 and d2 of entry 5; TDengine's group committed 5, where the entry starts.
        connectOffsets.put(serialized(partition(1)), Map.of("offset", 5L, "position", 5L, "skip", 2L));
        consumer.assigned(vgroup1, 5);
        limited.start();
        consumer.thenRows(row(1, 5, "d1", 1000, 1), row(1, 5, "d2", 1000, 2), row(1, 5, "d4", 1000, 4))
                .thenRows(row(1, 6, "d5", 1000, 5), row(1, 6, "d6", 1000, 6));

        List<SourceRecord> first = limited.poll();
        List<SourceRecord> second = limited.poll();

        assertThat(consumer.seeks).isEmpty();
        assertThat(first).extracting(SourceRecord::key).containsExactly("d4");
        assertThat(first).extracting(SubscriptionReaderTest::point).containsExactly("5+3");
        assertThat(second).extracting(SubscriptionReaderTest::point).containsExactly("5+4", "7+0");
    }

    @Test
    void aVgroupAssignedElsewhereIsMovedToTheStoredPointsPositionAndItsRowsUpToThePointDropped() throws Exception {
        SubscriptionReader limited = readerEndingMessagesAtThreeRows();
        TmqPartition vgroup1 = new TmqPartition(TOPIC, 1);
        connectOffsets.put(serialized(partition(1)), Map.of("offset", 6L, "position", 5L, "skip", 4L));
        consumer.thenRows(row(1, 3, "d1", 500, 1))
                .thenRows(row(1, 5, "d1", 1000, 1), row(1, 5, "d2", 1000, 2), row(1, 5, "d4", 1000, 4))
                .thenRows(row(1, 6, "d5", 1000, 5), row(1, 6, "d6", 1000, 6));

        assertThat(limited.poll()).isEmpty();
        assertThat(consumer.seeks).containsExactly(Map.entry(vgroup1, 5L));
        assertThat(limited.poll()).isEmpty();
        assertThat(limited.poll()).extracting(SourceRecord::key).containsExactly("d6");
    }

    @Test
    void aVgroupThatComesBackAtTheEntryItWasReadInsideIsReadOnAfterTheRowsThisReaderHandedOut() throws Exception {
        SubscriptionReader limited = readerEndingMessagesAtThreeRows();
        TmqPartition vgroup1 = new TmqPartition(TOPIC, 1);
        consumer.thenRows(row(1, 5, "d1", 1000, 1), row(1, 5, "d2", 1000, 2), row(1, 5, "d4", 1000, 4))
                .thenRowsThen(() -> consumer.revoked(vgroup1), row(2, 3, "d9", 1000, 9))
                // Back at the group's committed offset, 5, the start of the entry this reader had read three rows of.
                .thenRows(row(1, 5, "d1", 1000, 1), row(1, 5, "d2", 1000, 2), row(1, 5, "d4", 1000, 4))
                .thenRows(row(1, 6, "d5", 1000, 5), row(1, 6, "d6", 1000, 6));
        limited.poll();
        limited.poll();

        assertThat(limited.poll()).isEmpty();
        assertThat(limited.poll()).extracting(SourceRecord::key).containsExactly("d5", "d6");
        assertThat(consumer.seeks).isEmpty();
    }

    @Test
    void aStoredPointAheadOfWhatThisReaderHandedOutWinsWhenTheVgroupComesBack() throws Exception {
        TmqPartition vgroup1 = new TmqPartition(TOPIC, 1);
        consumer.thenRows(row(1, 5, "d1", 1000, 1))
                .thenRowsThen(() -> consumer.revoked(vgroup1), row(2, 3, "d9", 1000, 9))
                .thenRows(row(1, 6, "d1", 1100, 1), row(1, 6, "d2", 1100, 2))
                .thenRows(row(1, 9, "d2", 1200, 2), row(1, 9, "d3", 1200, 3));
        reader.poll();
        reader.poll();
        // Its other owner wrote up to the first row read from 9.
        connectOffsets.put(serialized(partition(1)), Map.of("offset", 9L, "position", 9L, "skip", 1L));

        assertThat(reader.poll()).isEmpty();
        assertThat(consumer.seeks).containsExactly(Map.entry(vgroup1, 9L));
        assertThat(reader.poll()).extracting(SourceRecord::key).containsExactly("d3");
    }

    @Test
    void anOffsetStoredWithoutSkipResumesAtItsPosition() throws Exception {
        consumer.assigned(new TmqPartition(TOPIC, 1), 5);
        connectOffsets.put(serialized(partition(1)), Map.of("offset", 7L, "position", 8L));
        reader.start();
        consumer.thenRows(row(1, 8, "d1", 1000, 1));

        assertThat(reader.poll()).extracting(SourceRecord::key).containsExactly("d1");
        assertThat(consumer.seeks).containsExactly(Map.entry(new TmqPartition(TOPIC, 1), 8L));
    }

    @Test
    void aVgroupThisReaderStartsWithIsDrainedFromItsLastEntryBeforeItIsResumed() throws Exception {
        TmqPartition vgroup1 = new TmqPartition(TOPIC, 1);
        connectOffsets.put(serialized(partition(1)), Map.of("offset", 5L, "position", 5L, "skip", 2L));
        consumer.assigned(vgroup1, 5).ending(vgroup1, 20);
        reader.start();
        assertThat(consumer.seeks).containsExactly(Map.entry(vgroup1, 19L));
        // What TDengine kept of the entry the former reader was in (d7, d8), then the last entry (d1).
        consumer.thenRows(row(1, 19, "d7", 7000, 7), row(1, 19, "d8", 7000, 8), row(1, 19, "d1", 9000, 1))
                .thenRows()
                .thenRows(row(1, 5, "d1", 1000, 1), row(1, 5, "d2", 1000, 2), row(1, 5, "d3", 1000, 3));

        assertThat(reader.poll()).isEmpty();
        time.advance(VgroupDrain.QUIET_MS);
        assertThat(reader.poll()).isEmpty();
        assertThat(consumer.seeks).containsExactly(Map.entry(vgroup1, 5L));
        assertThat(reader.poll()).extracting(SourceRecord::key).containsExactly("d3");
    }

    @Test
    void aVgroupBeingDrainedThatStaysSilentIsResumedWhereTDengineHandedItOver() throws Exception {
        TmqPartition vgroup1 = new TmqPartition(TOPIC, 1);
        consumer.assigned(vgroup1, 5).ending(vgroup1, 20);
        reader.start();

        assertThat(reader.poll()).isEmpty();
        assertThat(consumer.seeks).containsExactly(Map.entry(vgroup1, 19L));
        time.advance(VgroupDrain.QUIET_MS);
        consumer.thenRows(row(2, 3, "d9", 1000, 9)).thenRows(row(1, 5, "d1", 1000, 1));
        assertThat(reader.poll()).extracting(SourceRecord::key).containsExactly("d9");
        assertThat(consumer.seeks).containsEntry(vgroup1, 5L);
        assertThat(reader.poll()).extracting(SourceRecord::key).containsExactly("d1");
    }

    @Test
    void aVgroupARebalanceGivesThisTaskIsDrainedUntilAMessageEndsBeforeTheRowLimit() throws Exception {
        SubscriptionReader limited = readerEndingMessagesAtThreeRows();
        TmqPartition vgroup2 = new TmqPartition(TOPIC, 2);
        consumer.ending(vgroup2, 30)
                .thenRows(row(2, 9, "d1", 1000, 1))
                // The last entry's rows fill a message: TDengine may have ended it inside the entry.
                .thenRows(row(2, 29, "d1", 9000, 1), row(2, 29, "d2", 9000, 2), row(2, 29, "d3", 9000, 3))
                .thenRows(row(2, 30, "d4", 9000, 4))
                .thenRows(row(2, 9, "d1", 1000, 1));

        assertThat(limited.poll()).isEmpty();
        assertThat(consumer.seeks).containsExactly(Map.entry(vgroup2, 29L));
        time.advance(VgroupDrain.QUIET_MS);
        assertThat(limited.poll()).isEmpty();
        assertThat(consumer.seeks).containsExactly(Map.entry(vgroup2, 29L));
        assertThat(limited.poll()).isEmpty();
        assertThat(consumer.seeks).containsExactly(Map.entry(vgroup2, 9L));
        assertThat(limited.poll()).extracting(SourceRecord::key).containsExactly("d1");
    }

    @Test
    void aDrainedVgroupHandedOverAtItsEndReadsOnFromThere() throws Exception {
        TmqPartition vgroup1 = new TmqPartition(TOPIC, 1);
        consumer.assigned(vgroup1, 20).ending(vgroup1, 20);
        reader.start();
        time.advance(VgroupDrain.QUIET_MS);
        consumer.thenRows(row(1, 19, "d1", 1000, 1)).thenRows(row(1, 20, "d2", 2000, 2));

        assertThat(reader.poll()).isEmpty();
        assertThat(reader.poll()).extracting(SourceRecord::key).containsExactly("d2");
        assertThat(consumer.seeks).containsExactly(Map.entry(vgroup1, 19L));
    }

    @Test
    void aVgroupBeingDrainedThatKeepsFillingMessagesIsNotTakenForQuiet() throws Exception {
        SubscriptionReader limited = readerEndingMessagesAtThreeRows();
        TmqPartition vgroup1 = new TmqPartition(TOPIC, 1);
        consumer.assigned(vgroup1, 5).ending(vgroup1, 20);
        limited.start();
        consumer.thenRows(row(1, 19, "d1", 1000, 1), row(1, 19, "d2", 1000, 2), row(1, 19, "d3", 1000, 3))
                .thenRows(row(2, 3, "d9", 1000, 9));
        time.advance(VgroupDrain.QUIET_MS);
        limited.poll();

        limited.poll();

        assertThat(consumer.seeks).containsExactly(Map.entry(vgroup1, 19L));
    }

    @Test
    void aVgroupIsResumedOnlyOnceThePointConnectStoredForItStoppedMoving() throws Exception {
        TmqPartition vgroup1 = new TmqPartition(TOPIC, 1);
        connectOffsets.put(serialized(partition(1)), Map.of("offset", 5L, "position", 5L, "skip", 2L));
        consumer.assigned(vgroup1, 5).ending(vgroup1, 20);
        reader.start();
        // Its former reader's last records reach Kafka while this one drains the vgroup.
        connectOffsets.put(serialized(partition(1)), Map.of("offset", 5L, "position", 5L, "skip", 4L));
        time.advance(VgroupDrain.QUIET_MS);

        reader.poll();
        assertThat(consumer.seeks).containsExactly(Map.entry(vgroup1, 19L));
        time.advance(VgroupDrain.QUIET_MS);
        consumer.thenRows()
                .thenRows(
                        row(1, 5, "d1", 1000, 1),
                        row(1, 5, "d2", 1000, 2),
                        row(1, 5, "d3", 1000, 3),
                        row(1, 5, "d4", 1000, 4),
                        row(1, 5, "d5", 1000, 5));
        reader.poll();

        assertThat(consumer.seeks).containsExactly(Map.entry(vgroup1, 5L));
        assertThat(reader.poll()).extracting(SourceRecord::key).containsExactly("d5");
    }

    /** Starts the reader with vgroup 1 handed over at position 5 and Connect's stored point at position 8. */
    private TmqPartition startedAt5WithConnectsPointAt8() {
        TmqPartition vgroup1 = new TmqPartition(TOPIC, 1);
        consumer.assigned(vgroup1, 5);
        connectOffsets.put(serialized(partition(1)), Map.of("offset", 7L, "position", 8L));
        reader.start();
        return vgroup1;
    }

    @Test
    void aMessagePolledBeforeTheReaderMovedItsVgroupIsDropped() throws Exception {
        startedAt5WithConnectsPointAt8();
        consumer.thenRows(row(1, 5, "d1", 500, 1)).thenRows(row(1, 8, "d2", 800, 2));

        assertThat(reader.poll()).isEmpty();
        assertThat(reader.poll()).extracting(SourceRecord::key).containsExactly("d2");
    }

    @Test
    void aVgroupThatDoesNotShowItsMovesTargetIsMovedThereAgainRatherThanReadFromWhereItIs() throws Exception {
        TmqPartition vgroup1 = startedAt5WithConnectsPointAt8();
        // The consumer goes on from 5 as if the move to 8 had not happened: taking row 11's message would skip 8 to 10.
        consumer.thenRows(row(1, 5, "d1", 500, 1))
                .thenRows(row(1, 6, "d2", 600, 2))
                .thenRows(row(1, 11, "d3", 1100, 3))
                .thenRows(row(1, 8, "d4", 800, 4));

        assertThat(reader.poll()).isEmpty();
        assertThat(reader.poll()).isEmpty();
        assertThat(reader.poll()).isEmpty();
        assertThat(consumer.seekCount).isEqualTo(2);
        assertThat(consumer.seeks).containsExactly(Map.entry(vgroup1, 8L));
        assertThat(reader.poll()).extracting(SourceRecord::key).containsExactly("d4");
    }

    @Test
    void aVgroupThatNeverShowsItsMovesTargetFailsTheTaskAfterThreeSeeksRatherThanSkipRows() throws Exception {
        TmqPartition vgroup1 = startedAt5WithConnectsPointAt8();
        for (int offset = 11; offset < 11 + 3 * (1 + 2); offset++) {
            consumer.thenRows(row(1, offset, "d1", offset * 100L, offset));
        }

        for (int poll = 1; poll < 3 * (1 + 2); poll++) {
            assertThat(reader.poll()).isEmpty();
        }
        assertThat(consumer.seekCount).isEqualTo(SubscriptionReader.MAX_SEEKS);
        assertThatThrownBy(reader::poll)
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("vgroup 1 still returned rows from position 19 after 3 seeks to position 8");
    }

    @Test
    void aTransientFailureReadingWhereAVgroupEndsIsRetriedBeforeTheDrain() throws Exception {
        TmqPartition vgroup1 = new TmqPartition(TOPIC, 1);
        // A consumer mismatch while the group rebalances, say.
        consumer.assigned(vgroup1, 5)
                .ending(vgroup1, 20)
                .endsFailOnce(TDengineException.transientFailure("timeout", null));

        reader.start();

        assertThat(consumer.seeks).containsExactly(Map.entry(vgroup1, 19L));
    }

    @Test
    void aVgroupWhoseEndCannotBeReadIsResumedWithoutDraining() throws Exception {
        TmqPartition vgroup1 = new TmqPartition(TOPIC, 1);
        connectOffsets.put(serialized(partition(1)), Map.of("offset", 7L, "position", 8L));
        consumer.assigned(vgroup1, 5).endsUnknown(TDengineException.transientFailure("timeout", null));

        reader.start();

        assertThat(consumer.seeks).containsExactly(Map.entry(vgroup1, 8L));
    }

    @Test
    void aLaterPollIsNotCommittedBeforeAnEarlierOne() throws Exception {
        consumer.thenRows(row(1, 7, "d1001", 1000, 5)).thenRows(row(1, 8, "d1001", 2000, 6));
        List<SourceRecord> first = reader.poll();
        List<SourceRecord> second = reader.poll();
        reader.acknowledge(second.get(0));
        reader.poll();
        assertThat(consumer.commits).isEmpty();
        reader.acknowledge(first.get(0));
        reader.poll();
        assertThat(consumer.commits).containsExactly(Map.entry(new TmqPartition(TOPIC, 1), 9L));
    }

    @Test
    void closeCommitsWhatKafkaHasAndClosesTheConsumer() throws Exception {
        consumer.thenRows(row(1, 7, "d1001", 1000, 5));
        reader.acknowledge(reader.poll().get(0));
        reader.close();
        assertThat(consumer.commits).containsExactly(Map.entry(new TmqPartition(TOPIC, 1), 8L));
        assertThat(consumer.closed).isTrue();
        assertThat(reader.poll()).isEmpty();
    }

    @Test
    void closeWithUnacknowledgedRecordsCommitsNothing() throws Exception {
        consumer.thenRows(row(1, 7, "d1001", 1000, 5));
        reader.poll();
        reader.close();
        assertThat(consumer.commits).isEmpty();
    }

    @Test
    void transientPollFailureIsRetried() throws Exception {
        consumer.thenFail(TDengineException.transientFailure("timeout", null)).thenRows(row(1, 7, "d1001", 1000, 5));
        assertThat(reader.poll()).hasSize(1);
    }

    @Test
    void fatalPollFailureFailsTheTaskWithTheCause() throws Exception {
        TDengineException fatal = new TDengineException(0x4000, ErrorKind.FATAL, "topic dropped", null);
        consumer.thenFail(fatal);
        assertThatThrownBy(reader::poll).isSameAs(fatal);
    }

    @Test
    void rowOfAnUnknownTopicIsAnError() throws Exception {
        consumer.thenRows(
                new TmqRow(new TmqPartition("other", 1), 1, "x", new DriverRow(new String[0], new Object[0])));
        assertThatThrownBy(reader::poll).isInstanceOf(ConnectException.class).hasMessageContaining("other");
    }

    @Test
    void aPollCountsItsRowsAndMsBehindRunsFromItsNewestRow() throws Exception {
        consumer.thenRows(row(1, 7, "d1001", 3000, 5), row(1, 7, "d1002", 1000, 6));

        reader.poll();

        assertThat(metrics.value("rows-read-total")).isEqualTo(2.0);
        assertThat(metrics.value("read-latency-max")).isNotNaN();
        assertThat(metrics.value("ms-behind")).isEqualTo(1_000_000.0 - 3000);
    }

    @Test
    void anEmptyPollMeansCaughtUp() throws Exception {
        consumer.thenRows(row(1, 7, "d1001", 3000, 5));
        reader.poll();

        reader.poll();

        assertThat(metrics.value("ms-behind")).isZero();
    }

    @Test
    void retriedPollsAreCounted() throws Exception {
        consumer.thenFail(TDengineException.transientFailure("timeout", null)).thenRows(row(1, 7, "d1001", 1000, 5));

        reader.poll();

        assertThat(metrics.value("retries-total")).isEqualTo(1.0);
    }

    @Test
    void offsetLagSumsTheMessagesBetweenEachAssignedVgroupsPositionAndItsEnd() throws Exception {
        consumer.assigned(new TmqPartition(TOPIC, 1), 7)
                .assigned(new TmqPartition(TOPIC, 2), 3)
                .ending(new TmqPartition(TOPIC, 1), 10)
                .ending(new TmqPartition(TOPIC, 2), 3)
                .ending(new TmqPartition(TOPIC, 9), 100);
        reader.start();
        time.advance(VgroupDrain.QUIET_MS);

        reader.poll();

        assertThat(metrics.value("tmq-offset-lag")).isEqualTo(3.0);
    }

    @Test
    void offsetLagIsAskedForAtMostEveryFewSeconds() throws Exception {
        TmqPartition vgroup = new TmqPartition(TOPIC, 1);
        consumer.assigned(vgroup, 7).ending(vgroup, 10);
        reader.start();
        time.advance(VgroupDrain.QUIET_MS);
        reader.poll();

        consumer.ending(vgroup, 20);
        reader.poll();
        assertThat(metrics.value("tmq-offset-lag")).isEqualTo(3.0);
        time.advance(OffsetLag.REFRESH_MS);
        reader.poll();
        assertThat(metrics.value("tmq-offset-lag")).isEqualTo(13.0);
    }

    @Test
    void endsTDengineCannotTellLeaveTheOffsetLagUnknownAndTheRowsFlowing() throws Exception {
        consumer.assigned(new TmqPartition(TOPIC, 1), 7)
                .endsUnknown(TDengineException.transientFailure("timeout", null))
                .thenRows(row(1, 7, "d1001", 1000, 5));
        reader.start();

        assertThat(reader.poll()).hasSize(1);
        assertThat(metrics.value("tmq-offset-lag")).isNaN();
    }
}
