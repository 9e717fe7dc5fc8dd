package com.taosdata.kafka.connect.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;

import com.taosdata.kafka.connect.connection.ConnectionFactory;
import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.schemas.Version;
import com.taosdata.kafka.connect.sink.config.TDengineSinkConfig;
import com.taosdata.kafka.connect.sink.record.SinkRecords;
import com.taosdata.kafka.connect.sink.table.SqlRunner;
import com.taosdata.kafka.connect.sink.write.DatabaseInitializer;
import com.taosdata.kafka.connect.sink.write.FakeSchemalessWriter;
import com.taosdata.kafka.connect.sink.write.SchemalessWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javax.management.JMException;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad records, transient and fatal failures, routing, and the task's lifecycle. */
class TDengineSinkTaskErrorsTest extends SinkTaskTestBase {

    @Test
    void withToleranceAllBadRecordsGoToTheDlqAndGoodOnesAreWritten() throws JMException {
        start("errors.tolerance", "all");
        Schema schema = SchemaBuilder.struct().field("v", Schema.INT32_SCHEMA).build();
        SinkRecord struct = new SinkRecord("meters", 0, null, null, schema, new Struct(schema).put("v", 1), 1);
        SinkRecord rejected = SinkRecords.record("meters", 0, 3, "m,BAD=1 f=1 3");
        SinkRecord invalidUtf8 = SinkRecords.record("meters", 0, 4, new byte[] {(byte) 0xFF});

        task.put(List.of(line(0, 0), struct, line(0, 2), rejected, invalidUtf8, line(0, 5)));
        Map<TopicPartition, OffsetAndMetadata> offsets = preCommit(METERS_0);

        assertThat(tdengine.accepted())
                .contains("m f=0 0", "m f=2 2", "m f=5 5")
                .noneMatch(l -> l.contains("BAD"));
        assertThat(dlq).extracting(Map.Entry::getKey).containsExactlyInAnyOrder(struct, rejected, invalidUtf8);
        assertThat(dlq)
                .filteredOn(e -> e.getKey() == rejected)
                .singleElement()
                .satisfies(e -> assertThat(e.getValue()).hasMessageContaining("0x80003002"));
        assertThat(dlq)
                .filteredOn(e -> e.getKey() == struct)
                .singleElement()
                .satisfies(e -> assertThat(e.getValue()).hasMessageContaining("ToLineProtocol$Value"));
        assertThat(offsets).containsExactly(entry(METERS_0, new OffsetAndMetadata(6)));
        assertThat(attribute("records-dead-lettered-total")).isEqualTo(3.0);
        assertThat(attribute("records-written-total")).isEqualTo(3.0);
    }

    @Test
    void withoutToleranceAnUndecodableRecordFailsTheTask() {
        start();

        assertThatThrownBy(() ->
                        task.put(List.of(line(0, 0), SinkRecords.record("meters", 0, 1, new byte[] {(byte) 0xFF}))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("record meters-0@1")
                .hasMessageContaining("UTF-8");
        assertThat(dlq).isEmpty();
    }

    @Test
    void withoutToleranceARejectedRecordFailsTheTaskWithTDenginesReason() {
        start();

        assertThatThrownBy(() -> task.put(List.of(
                        line(0, 0), SinkRecords.record("meters", 0, 1, "BAD"), line(0, 2), line(0, 3), line(0, 4))))
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
        assertThat(attribute("retries-total")).isEqualTo(2.0);
    }

    @Test
    void eachTopicGoesToTheDatabaseThePrefixNamesAndIsInitialisedFirst() {
        start("connection.database", null, "connection.database.prefix", "kafka_${topic}");

        task.put(List.of(SinkRecords.record("orders", 0, 0, "o f=1 1"), SinkRecords.record("meters", 0, 0, "m f=1 1")));
        preCommit(new TopicPartition("orders", 0), METERS_0);

        verify(initializer).ensure("kafka_orders");
        verify(initializer).ensure("kafka_meters");
        assertThat(tdengine.calls)
                .extracting(FakeSchemalessWriter.Call::database)
                .containsExactlyInAnyOrder("kafka_orders", "kafka_meters");
    }

    @Test
    void aDatabaseThatCannotBeInitialisedFailsThePutThatHandsOverItsFirstBatch() {
        start();
        doThrow(new ConnectException("database power has precision 'ms' but data.precision is 'ns'"))
                .when(initializer)
                .ensure("power");

        assertThatThrownBy(() -> task.put(lines(0, 0, 5))).hasMessageContaining("precision 'ms'");
        assertThat(tdengine.calls).isEmpty();
    }

    @Test
    void aTopicMappingToNoValidDatabaseFailsNamingTheTopic() {
        start("connection.database", null);

        assertThatThrownBy(() -> task.put(List.of(SinkRecords.record("2024.sales", 0, 0, "m f=1 1"))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("topic '2024.sales'");
        assertThat(tdengine.calls).isEmpty();
    }

    @Test
    void withToleranceAllASecondTopicOnTheSameDatabaseGoesToTheDlq() {
        start("connection.database", null, "errors.tolerance", "all", "batch.size", "1");
        SinkRecord first = SinkRecords.record("iot.meters", 0, 0, "m f=1 1");
        SinkRecord second = SinkRecords.record("iot-meters", 0, 0, "m f=2 2");

        task.put(List.of(first, second));

        assertThat(tdengine.accepted()).containsExactly("m f=1 1");
        assertThat(dlq).singleElement().satisfies(e -> {
            assertThat(e.getKey()).isSameAs(second);
            assertThat(e.getValue()).hasMessageContaining("both map to database iot_meters");
        });
    }

    @Test
    void aSecondTopicOnTheSameDatabaseFailsItsRecordNamingBothTopics() {
        start("connection.database", null);

        assertThatThrownBy(() -> task.put(List.of(
                        SinkRecords.record("iot.meters", 0, 0, "m f=1 1"),
                        SinkRecords.record("iot-meters", 0, 0, "m f=2 2"))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("topics 'iot.meters' and 'iot-meters' both map to database iot_meters");
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
        ObjectName name = new ObjectName("tdconnect:type=sink-task-metrics,connector=task-test,task=0");
        assertThat(ManagementFactory.getPlatformMBeanServer().isRegistered(name))
                .isTrue();

        task.stop();

        assertThat(ManagementFactory.getPlatformMBeanServer()
                        .queryNames(new ObjectName("tdconnect:connector=task-test,*"), null))
                .isEmpty();
        assertThat(tdengine.closed).isTrue();
        verify(initializer).close();
    }

    @Test
    void bufferedRowsAreVisibleOverJmx() throws JMException {
        start();
        task.put(lines(0, 0, 3));

        assertThat(attribute("buffered-rows")).isEqualTo(3.0);
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

    /** The real TDengine backend, with batches written inline so each call shows its effect at once. */
    private TDengineSinkTask realTaskWritingInline() {
        return new TDengineSinkTask(now::get, sleeps::add, new TDengineSinkTask.Backend() {
            @Override
            public DatabaseInitializer initializer(
                    TDengineSinkConfig config, ConnectionFactory connections, RetryPolicy retry) {
                return TDengineSinkTask.Backend.TDENGINE.initializer(config, connections, retry);
            }

            @Override
            public SchemalessWriter writer(TDengineSinkConfig config, ConnectionFactory connections) {
                return TDengineSinkTask.Backend.TDENGINE.writer(config, connections);
            }

            @Override
            public SqlRunner sql(TDengineSinkConfig config, ConnectionFactory connections) {
                return TDengineSinkTask.Backend.TDENGINE.sql(config, connections);
            }

            @Override
            public Executor writerThread(String name) {
                return Runnable::run;
            }
        });
    }

    @Test
    void overRestTheTaskCreatesTheDatabaseOnceAndPostsItsBatchesToTaosAdapter() throws IOException {
        TDengineSinkTask real = realTaskWritingInline();
        try (FakeTaosAdapter adapter = new FakeTaosAdapter()) {
            adapter.precision = "us";
            real.initialize(new FakeSinkTaskContext(null, METERS_0));
            real.start(Map.of(
                    "name",
                    "task-rest",
                    "connection.url",
                    adapter.url(),
                    "connection.database",
                    "Power",
                    "data.precision",
                    "us",
                    "batch.size",
                    "2"));

            real.put(lines(0, 0, 3));
            Map<TopicPartition, OffsetAndMetadata> offsets = real.preCommit(Map.of(METERS_0, new OffsetAndMetadata(3)));
            real.stop();

            assertThat(adapter.bodiesTo("/rest/sql"))
                    .filteredOn(sql -> sql.startsWith("CREATE"))
                    .containsExactly("CREATE DATABASE IF NOT EXISTS `power` PRECISION 'us'");
            assertThat(adapter.requests)
                    .filteredOn(r -> r.path().startsWith("/influxdb"))
                    .extracting(FakeTaosAdapter.Request::path)
                    .containsOnly("/influxdb/v1/write?db=power&precision=u");
            assertThat(adapter.bodiesTo("/influxdb")).containsExactly("m f=0 0\nm f=1 1", "m f=2 2");
            assertThat(offsets).containsExactly(entry(METERS_0, new OffsetAndMetadata(3)));
        }
    }

    @Test
    void anUnreachableTDengineIsRetriedWithinOneBudgetThenFailsWithoutShowingThePassword() throws IOException {
        TDengineSinkTask real = realTaskWritingInline();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> props = Map.of(
                "name",
                "task-unreachable",
                "connection.url",
                "jdbc:TAOS-RS://127.0.0.1:" + port,
                "connection.password",
                "Task-Secret-99",
                "connection.attempts",
                "2",
                "connection.backoff.ms",
                "700",
                "max.retries",
                "2",
                "retry.backoff.ms",
                "30",
                "connection.database",
                "power");
        real.initialize(new FakeSinkTaskContext(null, METERS_0));
        String logged;
        try (LogCapture log = new LogCapture()) {
            real.start(props);
            real.put(lines(0, 0, 1));
            assertThatThrownBy(() -> real.preCommit(Map.of(METERS_0, new OffsetAndMetadata(1))))
                    .isInstanceOf(ConnectException.class)
                    .hasMessageContaining("after 3 attempt(s)")
                    .hasMessageContaining("127.0.0.1:" + port)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Task-Secret-99"));
            real.stop();
            logged = log.text();
        }

        assertThat(sleeps)
                .as("max.retries retries, connection.attempts not multiplying them")
                .containsExactly(30L, 30L);
        assertThat(logged).contains("retry").doesNotContain("Task-Secret-99");
    }
}
