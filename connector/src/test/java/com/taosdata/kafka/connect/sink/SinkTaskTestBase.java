package com.taosdata.kafka.connect.sink;

import static org.mockito.Mockito.mock;

import com.taosdata.kafka.connect.connection.ConnectionFactory;
import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.sink.config.TDengineSinkConfig;
import com.taosdata.kafka.connect.sink.record.SinkRecords;
import com.taosdata.kafka.connect.sink.table.FakeSqlRunner;
import com.taosdata.kafka.connect.sink.table.SqlRunner;
import com.taosdata.kafka.connect.sink.write.DatabaseInitializer;
import com.taosdata.kafka.connect.sink.write.FakeSchemalessWriter;
import com.taosdata.kafka.connect.sink.write.SchemalessWriter;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
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
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;

/** The fixture of the sink task tests: a task with a fake TDengine, fake clock, fake DLQ and writes run inline. */
abstract class SinkTaskTestBase {

    static final TopicPartition METERS_0 = new TopicPartition("meters", 0);
    static final TopicPartition METERS_1 = new TopicPartition("meters", 1);

    final AtomicLong now = new AtomicLong(1_000_000);
    final List<Long> sleeps = new ArrayList<>();
    final FakeSchemalessWriter tdengine = new FakeSchemalessWriter();
    final DatabaseInitializer initializer = mock(DatabaseInitializer.class);
    /** TDengine as typed writes see it: super tables and the rows inserted into them. */
    final FakeSqlRunner sql = new FakeSqlRunner();

    final List<Map.Entry<SinkRecord, Throwable>> dlq = new ArrayList<>();
    final ErrantRecordReporter reporter = (record, error) -> {
        dlq.add(Map.entry(record, error));
        return CompletableFuture.completedFuture(null);
    };
    final FakeSinkTaskContext context = new FakeSinkTaskContext(reporter, METERS_0, METERS_1);
    /** Batches written inline by default: each put() and preCommit() shows its effect at once. */
    Executor writerThread = Runnable::run;

    final TDengineSinkTask task = new TDengineSinkTask(now::get, sleeps::add, new TDengineSinkTask.Backend() {
        @Override
        public DatabaseInitializer initializer(
                TDengineSinkConfig config, ConnectionFactory connections, RetryPolicy retry) {
            return initializer;
        }

        @Override
        public SchemalessWriter writer(TDengineSinkConfig config, ConnectionFactory connections) {
            return tdengine;
        }

        @Override
        public SqlRunner sql(TDengineSinkConfig config, ConnectionFactory connections) {
            return sql;
        }

        @Override
        public Executor writerThread(String name) {
            return writerThread;
        }
    });

    @AfterEach
    void stop() {
        task.stop();
    }

    void start(String... overrides) {
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
        task.initialize(context);
        task.start(props);
    }

    static SinkRecord line(int partition, long offset) {
        return SinkRecords.record("meters", partition, offset, "m f=" + offset + " " + offset);
    }

    static List<SinkRecord> lines(int partition, long from, long to) {
        List<SinkRecord> records = new ArrayList<>();
        for (long offset = from; offset < to; offset++) {
            records.add(line(partition, offset));
        }
        return records;
    }

    Map<TopicPartition, OffsetAndMetadata> preCommit(TopicPartition... assigned) {
        Map<TopicPartition, OffsetAndMetadata> current = new HashMap<>();
        for (TopicPartition partition : assigned) {
            current.put(partition, new OffsetAndMetadata(Long.MAX_VALUE));
        }
        return task.preCommit(current);
    }

    Object attribute(String attribute) throws JMException {
        return ManagementFactory.getPlatformMBeanServer()
                .getAttribute(new ObjectName("tdconnect:type=sink-task-metrics,connector=task-test,task=0"), attribute);
    }

    /** Whether the collector clears {@code reference}, asked a few times: whether nothing keeps its object alive. */
    static boolean collected(WeakReference<?> reference) throws InterruptedException {
        for (int attempt = 0; attempt < 20 && reference.get() != null; attempt++) {
            System.gc();
            Thread.sleep(10);
        }
        return reference.get() == null;
    }
}
