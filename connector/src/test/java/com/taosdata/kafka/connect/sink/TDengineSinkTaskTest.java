package com.taosdata.kafka.connect.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.JMException;
import javax.management.ObjectName;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.taosdata.kafka.connect.connection.ConnectionFactory;
import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.util.Version;
import com.taosdata.kafka.connect.write.DatabaseInitializer;
import com.taosdata.kafka.connect.write.SchemalessWriter;

class TDengineSinkTaskTest {

    private static final TopicPartition METERS_0 = new TopicPartition("meters", 0);
    private static final TopicPartition METERS_1 = new TopicPartition("meters", 1);

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final List<Long> sleeps = new ArrayList<>();
    private final FakeSchemalessWriter tdengine = new FakeSchemalessWriter();
    private final DatabaseInitializer initializer = mock(DatabaseInitializer.class);
    private final List<Map.Entry<SinkRecord, Throwable>> dlq = new ArrayList<>();
    private final ErrantRecordReporter reporter = (record, error) -> {
        dlq.add(Map.entry(record, error));
        return CompletableFuture.completedFuture(null);
    };
    private final TDengineSinkTask task = new TDengineSinkTask(now::get, sleeps::add, new TDengineSinkTask.Backend() {
        @Override
        public DatabaseInitializer initializer(TDengineSinkConfig config, ConnectionFactory connections, RetryPolicy retry) {
            return initializer;
        }

        @Override
        public SchemalessWriter writer(TDengineSinkConfig config, ConnectionFactory connections) {
            return tdengine;
        }

        @Override
        public Executor writerThread(String name) {
            // Batches written inline: each put() and preCommit() shows its effect at once.
            return Runnable::run;
        }
    });

    @AfterEach
    void stop() {
        task.stop();
    }

    private void start(String... overrides) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "task-test");
        props.put("connection.url", "jdbc:TAOS-WS://127.0.0.1:6041");
        props.put("connection.database", "power");
        props.put("batch.size", "5");
        props.put("batch.linger.ms", "1000");
        props.put("max.retries", "2");
        props.put("retry.backoff.ms", "10");
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                props.remove(overrides[i]);
            } else {
                props.put(overrides[i], overrides[i + 1]);
            }
        }
        SinkTaskContext context = mock(SinkTaskContext.class);
        when(context.errantRecordReporter()).thenReturn(reporter);
        task.initialize(context);
        task.start(props);
    }

    private static SinkRecord line(int partition, long offset) {
        return SinkRecords.record("meters", partition, offset, "m f=" + offset + " " + offset);
    }

    private static List<SinkRecord> lines(int partition, long from, long to) {
        List<SinkRecord> records = new ArrayList<>();
        for (long offset = from; offset < to; offset++) {
            records.add(line(partition, offset));
        }
        return records;
    }

    private Map<TopicPartition, OffsetAndMetadata> preCommit(TopicPartition... assigned) {
        Map<TopicPartition, OffsetAndMetadata> current = new HashMap<>();
        for (TopicPartition partition : assigned) {
            current.put(partition, new OffsetAndMetadata(Long.MAX_VALUE));
        }
        return task.preCommit(current);
    }

    @Test
    void recordsAccumulateAcrossPutCallsUntilBatchSizeLines() {
        start();

        task.put(lines(0, 0, 3));
        assertThat(tdengine.calls).isEmpty();

        task.put(lines(0, 3, 7));
        assertThat(tdengine.calls).singleElement().satisfies(call -> {
            assertThat(call.database()).isEqualTo("power");
            assertThat(call.payloads()).containsExactly("m f=0 0", "m f=1 1", "m f=2 2", "m f=3 3", "m f=4 4");
        });
    }

    @Test
    void batchSizeCountsLinesNotRecords() {
        start();

        task.put(List.of(SinkRecords.record("meters", 0, 0, "m f=1 1\nm f=2 2\nm f=3 3"),
                SinkRecords.record("meters", 0, 1, "m f=4 4\nm f=5 5")));

        assertThat(tdengine.calls).singleElement().extracting(call -> call.payloads().size()).isEqualTo(5);
    }

    @Test
    void aBufferIsWrittenOnceItsOldestRecordHasLingered() {
        start();
        task.put(lines(0, 0, 2));

        now.addAndGet(999);
        task.put(List.of());
        assertThat(tdengine.calls).isEmpty();

        now.addAndGet(1);
        task.put(List.of());
        assertThat(tdengine.accepted()).containsExactly("m f=0 0", "m f=1 1");
    }

    @Test
    void preCommitWritesWhatIsBufferedAndReturnsOnlyAcknowledgedOffsets() {
        start();
        task.put(lines(0, 0, 3));
        task.put(lines(1, 0, 1));

        Map<TopicPartition, OffsetAndMetadata> offsets = preCommit(METERS_0, METERS_1);

        assertThat(tdengine.accepted()).hasSize(4);
        assertThat(offsets).containsOnly(entry(METERS_0, new OffsetAndMetadata(3)), entry(METERS_1, new OffsetAndMetadata(1)));
    }

    @Test
    void afterAFailedWriteTheOffsetStaysAtTheFirstUnwrittenRecord() {
        start();
        task.put(lines(0, 0, 2));
        preCommit(METERS_0);
        task.put(lines(0, 2, 4));
        tdengine.transientFailures = 100;

        assertThatThrownBy(() -> preCommit(METERS_0)).isInstanceOf(ConnectException.class);
        tdengine.transientFailures = 0;

        assertThat(preCommit(METERS_0)).containsExactly(entry(METERS_0, new OffsetAndMetadata(2)));
    }

    @Test
    void aWriteThatFailedInPreCommitFailsTheNextPut() {
        start();
        task.put(lines(0, 0, 2));
        tdengine.transientFailures = 100;
        ConnectException failure = catchThrowableOfType(ConnectException.class, () -> preCommit(METERS_0));
        tdengine.transientFailures = 0;

        assertThat(failure).hasMessageContaining("after 3 attempt(s)");
        assertThatThrownBy(() -> task.put(lines(0, 2, 3))).isSameAs(failure);
    }

    @Test
    void partitionsWithoutRecordsAreNotCommitted() {
        start();
        task.put(lines(0, 0, 1));

        assertThat(preCommit(METERS_0, METERS_1)).containsOnlyKeys(METERS_0);
    }

    @Test
    void tombstonesAreSkippedCountedAndCommitted() throws JMException {
        start();

        task.put(List.of(line(0, 0), SinkRecords.record("meters", 0, 1, null), SinkRecords.record("meters", 0, 2, null)));

        assertThat(preCommit(METERS_0)).containsExactly(entry(METERS_0, new OffsetAndMetadata(3)));
        assertThat(tdengine.accepted()).containsExactly("m f=0 0");
        assertThat(attribute("TombstonesSkipped")).isEqualTo(2L);
    }

    @Test
    void aTombstoneAfterAWaitingRecordDoesNotCommitPastIt() {
        start();
        task.put(List.of(line(0, 0), SinkRecords.record("meters", 0, 1, null)));
        tdengine.nextFailure = TDengineException.fromCode(0x80000357, "auth", null);

        assertThatThrownBy(() -> preCommit(METERS_0)).isInstanceOf(ConnectException.class);

        assertThat(preCommit(METERS_0)).containsExactly(entry(METERS_0, new OffsetAndMetadata(0)));
    }

    @Test
    void withToleranceAllBadRecordsGoToTheDlqAndGoodOnesAreWritten() throws JMException {
        start("errors.tolerance", "all");
        Schema schema = SchemaBuilder.struct().field("v", Schema.INT32_SCHEMA).build();
        SinkRecord struct = new SinkRecord("meters", 0, null, null, schema, new Struct(schema).put("v", 1), 1);
        SinkRecord rejected = SinkRecords.record("meters", 0, 3, "m,BAD=1 f=1 3");
        SinkRecord invalidUtf8 = SinkRecords.record("meters", 0, 4, new byte[] {(byte) 0xFF});

        task.put(List.of(line(0, 0), struct, line(0, 2), rejected, invalidUtf8, line(0, 5)));
        Map<TopicPartition, OffsetAndMetadata> offsets = preCommit(METERS_0);

        assertThat(tdengine.accepted()).contains("m f=0 0", "m f=2 2", "m f=5 5").noneMatch(l -> l.contains("BAD"));
        assertThat(dlq).extracting(Map.Entry::getKey).containsExactlyInAnyOrder(struct, rejected, invalidUtf8);
        assertThat(dlq).filteredOn(e -> e.getKey() == rejected).singleElement()
                .satisfies(e -> assertThat(e.getValue()).hasMessageContaining("0x80003002"));
        assertThat(dlq).filteredOn(e -> e.getKey() == struct).singleElement()
                .satisfies(e -> assertThat(e.getValue()).hasMessageContaining("ToLineProtocol$Value"));
        assertThat(offsets).containsExactly(entry(METERS_0, new OffsetAndMetadata(6)));
        assertThat(attribute("RecordsDeadLettered")).isEqualTo(3L);
        assertThat(attribute("RecordsWritten")).isEqualTo(3L);
    }

    @Test
    void withoutToleranceAnUndecodableRecordFailsTheTask() {
        start();

        assertThatThrownBy(() -> task.put(List.of(line(0, 0), SinkRecords.record("meters", 0, 1, new byte[] {(byte) 0xFF}))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("record meters-0@1")
                .hasMessageContaining("UTF-8");
        assertThat(dlq).isEmpty();
    }

    @Test
    void withoutToleranceARejectedRecordFailsTheTaskWithTDenginesReason() {
        start();

        assertThatThrownBy(() -> task.put(List.of(line(0, 0), SinkRecords.record("meters", 0, 1, "BAD"), line(0, 2),
                line(0, 3), line(0, 4))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("record meters-0@1")
                .hasMessageContaining("0x80003002");
    }

    @Test
    void transientFailuresAreRetriedWithTheConfiguredBackoff() throws JMException {
        start();
        tdengine.transientFailures = 2;

        task.put(lines(0, 0, 5));

        assertThat(tdengine.accepted()).hasSize(5);
        assertThat(sleeps).containsExactly(10L, 10L);
        assertThat(attribute("Retries")).isEqualTo(2L);
    }

    @Test
    void closeDiscardsTheBufferedRecordsOfRevokedPartitions() {
        start();
        task.put(List.of(line(0, 0), line(1, 0), line(0, 1)));

        task.close(List.of(METERS_0));

        assertThat(preCommit(METERS_1)).containsExactly(entry(METERS_1, new OffsetAndMetadata(1)));
        assertThat(tdengine.accepted()).containsExactly("m f=0 0");
        assertThat(tdengine.calls).singleElement().satisfies(call -> assertThat(call.payloads()).hasSize(1));
    }

    @Test
    void recordsRenamedByAnSmtAreCommittedUnderThePartitionTheyCameFrom() {
        start();
        task.put(List.of(SinkRecords.renamed("renamed", "meters", 0, 7, "m f=1 1")));

        assertThat(preCommit(METERS_0)).containsExactly(entry(METERS_0, new OffsetAndMetadata(8)));
    }

    @Test
    void closingTheOriginalPartitionDiscardsRenamedRecords() {
        start();
        task.put(List.of(SinkRecords.renamed("renamed", "meters", 0, 7, "m f=1 1")));

        task.close(List.of(METERS_0));
        preCommit();

        assertThat(tdengine.calls).isEmpty();
    }

    @Test
    void eachTopicGoesToTheDatabaseThePrefixNamesAndIsInitialisedFirst() {
        start("connection.database", null, "connection.database.prefix", "kafka_${topic}");

        task.put(List.of(SinkRecords.record("orders", 0, 0, "o f=1 1"), SinkRecords.record("meters", 0, 0, "m f=1 1")));
        preCommit(new TopicPartition("orders", 0), METERS_0);

        verify(initializer).ensure("kafka_orders");
        verify(initializer).ensure("kafka_meters");
        assertThat(tdengine.calls).extracting(FakeSchemalessWriter.Call::database)
                .containsExactlyInAnyOrder("kafka_orders", "kafka_meters");
    }

    @Test
    void aDatabaseThatCannotBeInitialisedFailsThePut() {
        start();
        doThrow(new ConnectException("database power has precision 'ms' but data.precision is 'ns'"))
                .when(initializer).ensure("power");

        assertThatThrownBy(() -> task.put(lines(0, 0, 1))).hasMessageContaining("precision 'ms'");
        assertThat(tdengine.calls).isEmpty();
    }

    @Test
    void anInvalidTopicDatabaseFailsNamingTheTopic() {
        start("connection.database", null);

        assertThatThrownBy(() -> task.put(List.of(SinkRecords.record("my-topic", 0, 0, "m f=1 1"))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("topic 'my-topic'");
    }

    @Test
    void telnetAndJsonPayloadsReachTheWriterAsDecoded() {
        start("db.schemaless", "json", "batch.size", "1");

        task.put(List.of(SinkRecords.record("meters", 0, 0, " {\"metric\":\"m\"}\n")));

        assertThat(tdengine.accepted()).containsExactly("{\"metric\":\"m\"}");
    }

    @Test
    void stopUnregistersTheMetricsAndClosesTheWriter() throws JMException {
        start();
        ObjectName name = new ObjectName("com.taosdata.kafka.connect:type=sink-task-metrics,connector=task-test,task=0");
        assertThat(ManagementFactory.getPlatformMBeanServer().isRegistered(name)).isTrue();

        task.stop();

        assertThat(ManagementFactory.getPlatformMBeanServer().isRegistered(name)).isFalse();
        assertThat(tdengine.closed).isTrue();
        verify(initializer).close();
    }

    @Test
    void bufferedLinesAreVisibleOverJmx() throws JMException {
        start();
        task.put(lines(0, 0, 3));

        assertThat(attribute("BufferedLines")).isEqualTo(3L);
    }

    @Test
    void aNativeUrlOnAWorkerWithoutClientLibraryFailsAtStartNamingTheWebSocketAlternative(@TempDir Path emptyDir) {
        String libraryPath = System.getProperty("java.library.path");
        System.setProperty("java.library.path", emptyDir.toString());
        try {
            assertThatThrownBy(() -> start("connection.url", "jdbc:TAOS://td1:6030"))
                    .isInstanceOf(ConnectException.class)
                    .hasMessageContaining("jdbc:TAOS-WS://td1:6041");
        } finally {
            System.setProperty("java.library.path", libraryPath);
        }
    }

    @Test
    void versionIsThePluginVersion() {
        assertThat(task.version()).isEqualTo(Version.get());
    }

    @Test
    void overRestTheTaskCreatesTheDatabaseOnceAndPostsItsBatchesToTaosAdapter() throws IOException {
        TDengineSinkTask real = new TDengineSinkTask(now::get, sleeps::add, TDengineSinkTask.Backend.TDENGINE);
        try (FakeTaosAdapter adapter = new FakeTaosAdapter()) {
            adapter.precision = "us";
            real.initialize(mock(SinkTaskContext.class));
            real.start(Map.of("name", "task-rest", "connection.url", adapter.url(), "connection.database", "Power",
                    "data.precision", "us", "batch.size", "2"));

            real.put(lines(0, 0, 3));
            Map<TopicPartition, OffsetAndMetadata> offsets = real.preCommit(Map.of(METERS_0, new OffsetAndMetadata(3)));
            real.stop();

            assertThat(adapter.bodiesTo("/rest/sql")).filteredOn(sql -> sql.startsWith("CREATE"))
                    .containsExactly("CREATE DATABASE IF NOT EXISTS `power` PRECISION 'us'");
            assertThat(adapter.requests).filteredOn(r -> r.path().startsWith("/influxdb"))
                    .extracting(FakeTaosAdapter.Request::path).containsOnly("/influxdb/v1/write?db=power&precision=u");
            assertThat(adapter.bodiesTo("/influxdb")).containsExactly("m f=0 0\nm f=1 1", "m f=2 2");
            assertThat(offsets).containsExactly(entry(METERS_0, new OffsetAndMetadata(3)));
        }
    }

    @Test
    void anUnreachableTDengineIsRetriedWithinTheBudgetThenFailsWithoutShowingThePassword() throws IOException {
        TDengineSinkTask real = new TDengineSinkTask(now::get, sleeps::add, TDengineSinkTask.Backend.TDENGINE);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> props = Map.of("name", "task-unreachable", "connection.url", "jdbc:TAOS-RS://127.0.0.1:" + port,
                "connection.password", "Task-Secret-99", "connection.attempts", "2", "connection.backoff.ms", "700",
                "max.retries", "2", "retry.backoff.ms", "30", "connection.database", "power");
        real.initialize(mock(SinkTaskContext.class));
        String logged;
        try (LogCapture log = new LogCapture()) {
            real.start(props);
            assertThatThrownBy(() -> real.put(lines(0, 0, 1)))
                    .isInstanceOf(ConnectException.class)
                    .hasMessageContaining("127.0.0.1:" + port)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Task-Secret-99"));
            real.stop();
            logged = log.text();
        }

        assertThat(sleeps).containsExactly(700L, 30L, 700L, 30L, 700L);
        assertThat(logged).contains("retry").doesNotContain("Task-Secret-99");
    }

    private Object attribute(String attribute) throws JMException {
        return ManagementFactory.getPlatformMBeanServer().getAttribute(
                new ObjectName("com.taosdata.kafka.connect:type=sink-task-metrics,connector=task-test,task=0"), attribute);
    }
}
