package com.taosdata.kafka.connect.sink;

import com.taosdata.kafka.connect.config.ConnectionConfigs;
import com.taosdata.kafka.connect.connection.ConnectionFactory;
import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.connection.Sleeper;
import com.taosdata.kafka.connect.metrics.SinkTaskMetrics;
import com.taosdata.kafka.connect.naming.DatabaseNameResolver;
import com.taosdata.kafka.connect.naming.Identifiers;
import com.taosdata.kafka.connect.schemas.Version;
import com.taosdata.kafka.connect.sink.config.MissingTimestamp;
import com.taosdata.kafka.connect.sink.config.SchemalessProtocol;
import com.taosdata.kafka.connect.sink.config.TDengineSinkConfig;
import com.taosdata.kafka.connect.sink.config.TypedWriteOptions;
import com.taosdata.kafka.connect.sink.config.WriteMethod;
import com.taosdata.kafka.connect.sink.record.EncodedRecord;
import com.taosdata.kafka.connect.sink.record.PayloadDecoder;
import com.taosdata.kafka.connect.sink.record.RecordIds;
import com.taosdata.kafka.connect.sink.table.JdbcSqlRunner;
import com.taosdata.kafka.connect.sink.table.SqlRunner;
import com.taosdata.kafka.connect.sink.table.StableCatalog;
import com.taosdata.kafka.connect.sink.write.Backpressure;
import com.taosdata.kafka.connect.sink.write.BadRecordHandler;
import com.taosdata.kafka.connect.sink.write.Batch;
import com.taosdata.kafka.connect.sink.write.DatabaseBuffer;
import com.taosdata.kafka.connect.sink.write.DatabaseInitializer;
import com.taosdata.kafka.connect.sink.write.IsolatingBatchWriter;
import com.taosdata.kafka.connect.sink.write.OffsetTracker;
import com.taosdata.kafka.connect.sink.write.PipelinedWriter;
import com.taosdata.kafka.connect.sink.write.RowPreparer;
import com.taosdata.kafka.connect.sink.write.SchemalessWriter;
import com.taosdata.kafka.connect.sink.write.SchemalessWriters;
import com.taosdata.kafka.connect.sink.write.TypedBatchWriter;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers records per target database across {@code put()} calls and hands a database's buffer to the writer thread
 * when it holds {@code batch.size} lines, its oldest record has waited {@code batch.linger.ms}, or a poll brought no
 * records for {@link #QUIET_POLL_MS} (the partitions are caught up); while one batch is written the task fills the
 * next. With records buffered, the task asks the worker to call {@code put()} again when they are due, since the worker
 * otherwise waits for records up to its next offset commit ({@code offset.flush.interval.ms}, 60 s by default). The
 * task thread never waits for TDengine: the writer thread creates databases, writes and retries, and while it is
 * behind the task pauses its partitions (see {@link Backpressure}) so the worker keeps polling, stays in its consumer
 * group, and hands over no more records. {@link #preCommit} hands over what is
 * buffered and returns, without waiting, only offsets of records TDengine acknowledged (or that went to the DLQ).
 */
public class TDengineSinkTask extends SinkTask {

    private static final Logger log = LoggerFactory.getLogger(TDengineSinkTask.class);
    private static final String ERRORS_TOLERANCE = "errors.tolerance";

    /** Builds what talks to TDengine; a seam so tests run the task against fakes. */
    interface Backend {
        Backend TDENGINE = new Backend() {
            @Override
            public DatabaseInitializer initializer(
                    TDengineSinkConfig config, ConnectionFactory connections, RetryPolicy retry) {
                // Line protocol and typed rows carry timestamps in data.precision; OpenTSDB's carry their own.
                return new DatabaseInitializer(
                        connections,
                        retry,
                        config.precision(),
                        config.protocol() == SchemalessProtocol.LINE || config.writeMethod() == WriteMethod.STMT);
            }

            @Override
            public SqlRunner sql(TDengineSinkConfig config, ConnectionFactory connections) {
                return new JdbcSqlRunner(connections);
            }

            @Override
            public SchemalessWriter writer(TDengineSinkConfig config, ConnectionFactory connections) {
                return SchemalessWriters.create(
                        connections,
                        config.protocol(),
                        config.precision(),
                        config.tableOptions(),
                        Duration.ofMillis(config.requestTimeoutMs()));
            }

            @Override
            public Executor writerThread(String name) {
                return Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, name);
                    thread.setDaemon(true);
                    return thread;
                });
            }
        };

        DatabaseInitializer initializer(TDengineSinkConfig config, ConnectionFactory connections, RetryPolicy retry);

        SchemalessWriter writer(TDengineSinkConfig config, ConnectionFactory connections);

        /** Runs the statements of {@code write.method=stmt}. */
        SqlRunner sql(TDengineSinkConfig config, ConnectionFactory connections);

        /** Where batches are written; one thread, so batches are written in order. */
        Executor writerThread(String name);
    }

    /**
     * One batch written and one queued behind it while the next fills: the writer goes straight on to the queued batch
     * while the task notices the first is done, and memory stays bounded. With both taken the task pauses.
     */
    private static final int MAX_BATCHES_IN_FLIGHT = 2;

    /**
     * A poll that brings no records for this long means the task's partitions are caught up: what is buffered is
     * written then, as a hand-written consumer loop writes on an empty poll, rather than after {@code batch.linger.ms}.
     * Long enough that a fetch still in flight in the middle of a stream does not end a batch early.
     */
    static final long QUIET_POLL_MS = 100;

    private final LongSupplier clock;
    private final Sleeper sleeper;
    private final Backend backend;
    private final Map<String, DatabaseBuffer> buffers = new HashMap<>();
    private final OffsetTracker offsets = new OffsetTracker();

    private SinkTaskMetrics metrics;
    private TDengineSinkConfig config;
    private DatabaseNameResolver databases;
    private String lastTopic;
    private String lastDatabase;
    private int batchSize;
    /** Turns a record bound for a database into what its batch keeps; throws DataException for a bad record. */
    private BiFunction<String, SinkRecord, EncodedRecord> encoder;

    private BadRecordHandler badRecords;
    private DatabaseInitializer initializer;
    private SchemalessWriter writer;
    private SqlRunner sql;
    private Executor writerThread;
    private PipelinedWriter pipeline;
    private Backpressure backpressure;
    /**
     * A write that failed in {@link #preCommit}. The worker only logs preCommit failures, rewinds and carries on, so a
     * write failure there (retries used up, a rejected record without DLQ) would never fail the task: the next
     * {@link #put} throws it instead.
     */
    private ConnectException preCommitFailure;
    /**
     * When a put() last brought records or found the writer behind: the partitions are quiet only when they could give
     * records and gave none, and paused partitions can give none.
     */
    private long lastFedMs;

    public TDengineSinkTask() {
        this(System::currentTimeMillis, Sleeper.SYSTEM, Backend.TDENGINE);
    }

    TDengineSinkTask(LongSupplier clock, Sleeper sleeper, Backend backend) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.backend = backend;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new TDengineSinkConfig(props);
        SchemalessProtocol protocol = config.protocol();
        databases = new DatabaseNameResolver(config.database(), config.databasePrefix());
        batchSize = config.batchSize();
        String name = props.getOrDefault("name", "tdengine-sink");
        metrics = SinkTaskMetrics.register(name, taskId(props));
        badRecords = new BadRecordHandler(
                errantRecordReporter(), "all".equalsIgnoreCase(props.get(ERRORS_TOLERANCE)), metrics);
        ConnectionFactory connections = ConnectionConfigs.connectionFactory(config);
        // The task may run on another worker than the one that validated the config: check where it runs.
        connections.requireClient();
        RetryPolicy retry = new RetryPolicy(config.maxRetries(), config.retryBackoffMs(), sleeper);
        initializer = backend.initializer(config, connections, retry);
        PipelinedWriter.BatchWriter batches = config.writeMethod() == WriteMethod.STMT
                ? typedWrites(connections, retry)
                : schemalessWrites(connections, retry);
        writerThread = backend.writerThread("tdengine-sink-writer-" + name + "-" + taskId(props));
        DatabaseInitializer databaseInitializer = initializer;
        // The database is created on the writer thread too: its retries must not hold up put().
        // A write that ignores its interrupt (a driver call without a timeout of its own) must not hold a rebalance up.
        pipeline = new PipelinedWriter(
                batch -> {
                    databaseInitializer.ensure(batch.key().database());
                    return batches.write(batch);
                },
                writerThread,
                Duration.ofMillis(config.requestTimeoutMs()));
        String database = config.database();
        if (database != null && Identifiers.databaseNameProblem(database) == null) {
            // While the worker joins the consumer group and fetches the first records.
            writerThread.execute(() -> databaseInitializer.prepare(Identifiers.canonicalDatabase(database)));
        }
        backpressure = new Backpressure(context);
        log.info(
                "TDengine sink task started: {} into {} via {}",
                config.writeMethod() == WriteMethod.STMT ? "typed rows" : protocol.configValue() + " protocol",
                config.database() != null ? config.database() : "per-topic databases",
                connections.url());
    }

    /** Schemaless text, parsed by TDengine: records become payloads on the task thread. */
    private PipelinedWriter.BatchWriter schemalessWrites(ConnectionFactory connections, RetryPolicy retry) {
        PayloadDecoder payloads = new PayloadDecoder(
                config.protocol(), ConnectionConfigs.url(config).transport(), config.tableNameTag());
        PayloadDecoder decoder = config.missingTimestamp() == MissingTimestamp.RECORD
                ? payloads.stampingRecordTimestamps(config.precision())
                : payloads;
        encoder = (database, record) -> new EncodedRecord(record, decoder.decode(record));
        writer = backend.writer(config, connections);
        IsolatingBatchWriter isolating = IsolatingBatchWriter.schemaless(writer, retry, metrics);
        return batch -> isolating.write(batch.key().database(), batch.records());
    }

    /**
     * Typed rows: the task thread converts records into rows of the super tables the writer thread has found, and
     * refuses values that are no Struct or Map; the writer thread finds (or makes) the super tables, converts the
     * records the task could not, and writes the rows.
     */
    private PipelinedWriter.BatchWriter typedWrites(ConnectionFactory connections, RetryPolicy retry) {
        TypedWriteOptions options = config.typedWriteOptions();
        sql = backend.sql(config, connections);
        StableCatalog catalog = new StableCatalog(sql, retry);
        RowPreparer rows = RowPreparer.create(catalog, options, config.precision());
        encoder = rows::prepare;
        TypedBatchWriter typed = TypedBatchWriter.create(sql, catalog, retry, metrics, options, config.precision());
        return batch -> typed.write(batch.key().database(), batch.records());
    }

    private ErrantRecordReporter errantRecordReporter() {
        try {
            return context == null ? null : context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            // Workers before Kafka 2.6 have no errant record reporter; bad records then fail the task.
            return null;
        }
    }

    private static String taskId(Map<String, String> props) {
        return props.getOrDefault(TDengineSinkConnector.TASK_ID_CONFIG, "0");
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (preCommitFailure != null) {
            throw preCommitFailure;
        }
        long now = clock.getAsLong();
        if (!records.isEmpty()) {
            lastFedMs = now;
        }
        for (SinkRecord record : records) {
            TopicPartition partition = RecordIds.partition(record);
            long offset = RecordIds.offset(record);
            if (record.value() == null) {
                metrics.tombstoneSkipped();
                offsets.done(partition, offset);
                continue;
            }
            String database;
            EncodedRecord encoded;
            try {
                database = database(record.topic());
                encoded = encoder.apply(database, record);
            } catch (DataException e) {
                badRecords.handle(record, e);
                offsets.done(partition, offset);
                continue;
            }
            if (!badRecords.reports()) {
                encoded = encoded.detached(partition, offset);
            }
            DatabaseBuffer buffer = buffers.computeIfAbsent(database, DatabaseBuffer::new);
            buffer.add(encoded, now);
            offsets.waiting(partition, offset, buffer.key());
            if (buffer.lines() >= batchSize) {
                // Handed over even when the writer is behind, so no batch grows past batch.size: pausing stops the
                // inflow instead.
                pipeline.submit(buffer.drain());
            }
        }
        boolean quiet = now - lastFedMs >= QUIET_POLL_MS;
        for (DatabaseBuffer buffer : buffers.values()) {
            complete(pipeline.completed());
            // A due buffer waits while the writer is behind: it takes more records into one larger batch.
            if (pipeline.inFlight() < MAX_BATCHES_IN_FLIGHT
                    && (buffer.lingeredSince(now, config.lingerMs()) || quiet && !buffer.isEmpty())) {
                pipeline.submit(buffer.drain());
            }
        }
        complete(pipeline.completed());
        boolean behind = pipeline.inFlight() >= MAX_BATCHES_IN_FLIGHT;
        if (behind) {
            lastFedMs = now;
        } else {
            askForPutWhenDue(now);
        }
        backpressure.writerBehind(behind);
        reportBuffered();
    }

    /** With records buffered, asks the worker to call put() again by the time they are due to be written. */
    private void askForPutWhenDue(long now) {
        long due = Long.MAX_VALUE;
        for (DatabaseBuffer buffer : buffers.values()) {
            due = Math.min(due, buffer.lingeredAtMs(config.lingerMs()));
        }
        if (due == Long.MAX_VALUE) {
            return;
        }
        due = Math.min(due, lastFedMs + QUIET_POLL_MS);
        // The worker ignores a timeout of 0 or less.
        context.timeout(Math.max(1, due - now));
    }

    private void reportBuffered() {
        long rows = 0;
        for (DatabaseBuffer buffer : buffers.values()) {
            rows += buffer.lines();
        }
        metrics.bufferedRows(rows);
    }

    /** Records come in runs of one topic: the last topic's database is kept at hand. */
    private String database(String topic) {
        if (!topic.equals(lastTopic)) {
            lastDatabase = databases.resolve(topic);
            lastTopic = topic;
        }
        return lastDatabase;
    }

    /** On the task thread, in batch order: rejected records to the DLQ (or the task fails), then offsets advance. */
    private void complete(List<PipelinedWriter.Result> results) {
        for (PipelinedWriter.Result result : results) {
            result.rejected().forEach(rejected -> badRecords.handle(rejected.record(), rejected.reason()));
            offsets.written(result.batch().key());
        }
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        try {
            for (DatabaseBuffer buffer : buffers.values()) {
                if (!buffer.isEmpty()) {
                    pipeline.submit(buffer.drain());
                }
            }
            complete(pipeline.completed());
            reportBuffered();
        } catch (ConnectException e) {
            preCommitFailure = e;
            throw e;
        }
        return offsets.committable(currentOffsets.keySet());
    }

    /**
     * Resumes at once a partition that comes back paused: the worker pauses again, before this, a partition the task
     * had paused when a rebalance took it away, and without a resume here it would stay paused until the worker next
     * calls put(), which with nothing buffered is its next offset commit, up to {@code offset.flush.interval.ms} away.
     */
    @Override
    public void open(Collection<TopicPartition> partitions) {
        backpressure.writerBehind(pipeline.inFlight() >= MAX_BATCHES_IN_FLIGHT);
    }

    /**
     * Gives up the writes in flight, which would otherwise go on (and retry) after the partitions moved to another
     * task and could overwrite that task's newer rows. Their records are consumed again: by the new owner for the
     * revoked partitions, by this task, rewound to its first unwritten record, for a partition it keeps.
     */
    @Override
    public void close(Collection<TopicPartition> partitions) {
        List<Batch.Key> abandoned = pipeline.abandon().stream().map(Batch::key).toList();
        Map<TopicPartition, Long> consumeAgain = offsets.abandon(abandoned);
        Set<TopicPartition> dropped = new HashSet<>(partitions);
        dropped.addAll(consumeAgain.keySet());
        buffers.values().forEach(buffer -> buffer.discard(dropped));
        reportBuffered();
        offsets.forget(partitions);
        Map<TopicPartition, Long> rewind = new HashMap<>(consumeAgain);
        rewind.keySet().removeAll(partitions);
        if (!rewind.isEmpty()) {
            log.info("consuming {} again from the first record not written", rewind);
            context.offset(rewind);
        }
    }

    @Override
    public void stop() {
        if (pipeline != null) {
            pipeline.abandon();
        }
        if (writerThread instanceof ExecutorService) {
            stopWriterThread((ExecutorService) writerThread);
        }
        if (writer != null) {
            writer.close();
        }
        if (sql != null) {
            sql.close();
        }
        if (initializer != null) {
            initializer.close();
        }
        if (metrics != null) {
            // After the writer thread, which records into them.
            metrics.close();
        }
    }

    /** Waits for the thread, so the writer is closed after it. */
    private static void stopWriterThread(ExecutorService thread) {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("the TDengine writer thread did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
