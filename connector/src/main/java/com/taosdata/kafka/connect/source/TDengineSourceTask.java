package com.taosdata.kafka.connect.source;

import com.taosdata.kafka.connect.connection.Sleeper;
import com.taosdata.kafka.connect.metrics.SourceTaskMetrics;
import com.taosdata.kafka.connect.schemas.Version;
import com.taosdata.kafka.connect.source.config.ReadMethod;
import com.taosdata.kafka.connect.source.config.TDengineSourceConfig;
import com.taosdata.kafka.connect.source.query.QueryReaders;
import com.taosdata.kafka.connect.source.read.PrefetchingReader;
import com.taosdata.kafka.connect.source.read.SourceReader;
import com.taosdata.kafka.connect.source.table.SourceTable;
import com.taosdata.kafka.connect.source.table.TableAssignment;
import com.taosdata.kafka.connect.source.tmq.SubscriptionReaders;
import com.taosdata.kafka.connect.source.tmq.TaosTmqConsumer;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the tables the connector assigned to this task, by query or by subscription. */
public class TDengineSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(TDengineSourceTask.class);

    /** Creates the reader for a task's config, given the tables it was assigned and the task's id. */
    @FunctionalInterface
    interface ReaderFactory {
        SourceReader create(
                TDengineSourceConfig config,
                List<SourceTable> tables,
                String taskId,
                SourceTaskContext context,
                SourceTaskMetrics metrics);
    }

    private final ReaderFactory readers;
    private volatile SourceReader reader;
    private volatile SourceTaskMetrics metrics;

    public TDengineSourceTask() {
        this(TDengineSourceTask::createReader);
    }

    TDengineSourceTask(ReaderFactory readers) {
        this.readers = readers;
    }

    private static SourceReader createReader(
            TDengineSourceConfig config,
            List<SourceTable> tables,
            String taskId,
            SourceTaskContext context,
            SourceTaskMetrics metrics) {
        if (config.readMethod() == ReadMethod.QUERY) {
            return new PrefetchingReader(
                    QueryReaders.create(
                            config,
                            tables,
                            context.offsetStorageReader(),
                            System::currentTimeMillis,
                            Sleeper.SYSTEM,
                            ZoneId.systemDefault(),
                            metrics),
                    config.pollIntervalMs(),
                    "tdconnect-source-reader-" + taskId);
        }
        // Subscription mode polls TMQ on the task's thread: reading one poll ahead on another thread measured slower
        // (bench/source-bench.sh; the figures are in docs/benchmarks.md).
        return SubscriptionReaders.create(
                config, tables, taskId, context.offsetStorageReader(), Sleeper.SYSTEM, TaosTmqConsumer::new, metrics);
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        TDengineSourceConfig config = new TDengineSourceConfig(props);
        List<SourceTable> tables = TableAssignment.decode(props.get(TableAssignment.TASK_TABLES_CONFIG));
        String taskId = props.getOrDefault(TableAssignment.TASK_ID_CONFIG, "0");
        log.info(
                "TDengine source task {} starting: {} by {} from database {}",
                taskId,
                tables.size(),
                config.readMethod().configValue(),
                config.database());
        metrics = SourceTaskMetrics.register(
                props.getOrDefault("name", "tdengine-source"), taskId, config.readMethod() == ReadMethod.SUBSCRIPTION);
        try {
            reader = readers.create(config, tables, taskId, context, metrics);
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        return reader.poll();
    }

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        reader.acknowledge(record);
    }

    @Override
    public void stop() {
        SourceReader current = reader;
        if (current != null) {
            current.close();
        }
        SourceTaskMetrics registered = metrics;
        if (registered != null) {
            // The reader may still record a read that is running: that only goes into a registry no one publishes.
            registered.close();
        }
    }
}
