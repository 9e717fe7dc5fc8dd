package com.taosdata.kafka.connect.sink.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.taosdata.kafka.connect.connection.ErrorKind;
import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.metrics.SinkTaskMetrics;
import com.taosdata.kafka.connect.sink.record.EncodedRecord;
import com.taosdata.kafka.connect.sink.record.SinkRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.Test;

class PipelinedWriterTest {

    private final FakeSchemalessWriter tdengine = new FakeSchemalessWriter();
    private final List<Long> sleeps = new ArrayList<>();
    private final SinkTaskMetrics metrics = SinkTaskMetrics.unpublished(Time.SYSTEM);
    private final QueuedWriterThread writerThread = new QueuedWriterThread();

    private PipelinedWriter pipeline(int maxRetries) {
        IsolatingBatchWriter writer =
                IsolatingBatchWriter.schemaless(tdengine, new RetryPolicy(maxRetries, 10, sleeps::add), metrics);
        return new PipelinedWriter(
                batch -> writer.write(batch.key().database(), batch.records()), writerThread, Duration.ofMinutes(1));
    }

    private static Batch batch(long sequence, String... lines) {
        List<EncodedRecord> records = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            records.add(new EncodedRecord(
                    SinkRecords.record("meters", 0, sequence * 100 + i, lines[i]), List.of(lines[i])));
        }
        return new Batch(new Batch.Key("power", sequence), records);
    }

    @Test
    void submittingNeverWaitsForTheWriterThread() {
        PipelinedWriter pipeline = pipeline(0);

        pipeline.submit(batch(0, "m f=1 1"));
        pipeline.submit(batch(1, "m f=2 2"));
        pipeline.submit(batch(2, "m f=3 3"));

        assertThat(pipeline.inFlight()).isEqualTo(3);
        assertThat(pipeline.completed()).isEmpty();
        assertThat(tdengine.calls).isEmpty();
    }

    @Test
    void batchesAreWrittenInSubmissionOrderAndTheirResultsComeBackInThatOrder() {
        PipelinedWriter pipeline = pipeline(0);
        pipeline.submit(batch(0, "m f=1 1"));
        pipeline.submit(batch(1, "m f=2 2"));

        writerThread.runAll();

        assertThat(pipeline.completed())
                .extracting(r -> r.batch().key().sequence())
                .containsExactly(0L, 1L);
        assertThat(tdengine.accepted()).containsExactly("m f=1 1", "m f=2 2");
        assertThat(pipeline.inFlight()).isZero();
    }

    @Test
    void resultsStopAtTheFirstBatchStillBeingWritten() {
        PipelinedWriter pipeline = pipeline(0);
        pipeline.submit(batch(0, "m f=1 1"));
        pipeline.submit(batch(1, "m f=2 2"));

        writerThread.runOne();

        assertThat(pipeline.completed())
                .extracting(r -> r.batch().key().sequence())
                .containsExactly(0L);
        assertThat(pipeline.inFlight()).isEqualTo(1);
    }

    @Test
    void aBatchRetriedOnTheWriterThreadStaysAheadOfTheBatchesBehindIt() {
        PipelinedWriter pipeline = pipeline(5);
        tdengine.transientFailures = 3;
        pipeline.submit(batch(0, "m f=1 1"));
        pipeline.submit(batch(1, "m f=1 1", "m f=2 2"));

        writerThread.runAll();

        assertThat(pipeline.completed()).hasSize(2);
        assertThat(sleeps).containsExactly(10L, 10L, 10L);
        assertThat(tdengine.acceptedCalls())
                .extracting(FakeSchemalessWriter.Call::payloads)
                .containsExactly(List.of("m f=1 1"), List.of("m f=1 1", "m f=2 2"));
    }

    @Test
    void rejectedRecordsTravelWithTheirBatchResult() {
        PipelinedWriter pipeline = pipeline(0);
        pipeline.submit(batch(0, "m f=1 1", "BAD 2"));
        writerThread.runAll();

        assertThat(pipeline.completed())
                .singleElement()
                .satisfies(result -> assertThat(result.rejected())
                        .extracting(r -> r.record().kafkaOffset())
                        .containsExactly(1L));
    }

    @Test
    void aFailedWriteIsRethrownOnTheTaskThreadAsItWas() {
        TDengineException fatal = TDengineException.fromCode(0x80000357, "Authentication failure", null);
        tdengine.nextFailure = fatal;
        PipelinedWriter pipeline = pipeline(0);
        pipeline.submit(batch(0, "m f=1 1"));
        writerThread.runAll();

        assertThatThrownBy(pipeline::completed)
                .isSameAs(fatal)
                .isInstanceOfSatisfying(
                        TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FATAL));
        assertThat(pipeline.inFlight()).isZero();
    }

    @Test
    void abandonedBatchesThatHaveNotStartedAreNeverWritten() {
        PipelinedWriter pipeline = pipeline(0);
        pipeline.submit(batch(0, "m f=1 1"));
        pipeline.submit(batch(1, "m f=2 2"));

        List<Batch> abandoned = pipeline.abandon();
        writerThread.runAll();

        assertThat(abandoned).extracting(b -> b.key().sequence()).containsExactly(0L, 1L);
        assertThat(tdengine.calls).isEmpty();
        assertThat(pipeline.inFlight()).isZero();
    }

    @Test
    void abandonReturnsBatchesWrittenButNotCollectedToo() {
        PipelinedWriter pipeline = pipeline(0);
        pipeline.submit(batch(0, "m f=1 1"));
        writerThread.runAll();

        assertThat(pipeline.abandon()).extracting(b -> b.key().sequence()).containsExactly(0L);
        assertThat(pipeline.completed()).isEmpty();
    }

    @Test
    void abandoningTheBatchBeingWrittenInterruptsItsRetriesAndReturnsOnlyOnceItStopped() throws InterruptedException {
        CountDownLatch writing = new CountDownLatch(1);
        AtomicBoolean stillWriting = new AtomicBoolean();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            // A TDengine that never answers: only the interrupt ends the write.
            PipelinedWriter pipeline = new PipelinedWriter(
                    batch -> {
                        stillWriting.set(true);
                        writing.countDown();
                        try {
                            new CountDownLatch(1).await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw TDengineException.transientFailure("interrupted", e);
                        } finally {
                            stillWriting.set(false);
                        }
                        return List.of();
                    },
                    thread,
                    Duration.ofMinutes(1));
            pipeline.submit(batch(0, "m f=1 1"));
            writing.await();

            assertThat(pipeline.abandon()).hasSize(1);

            assertThat(stillWriting)
                    .as("the write ended before abandon() returned")
                    .isFalse();
        } finally {
            thread.shutdown();
            thread.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    @Test
    void aWriteWhoseDriverSwallowsTheInterruptIsInterruptedAgainUntilItStopsInsteadOfRetrying()
            throws InterruptedException {
        CountDownLatch writing = new CountDownLatch(1);
        AtomicBoolean stillWriting = new AtomicBoolean();
        List<String> calls = new CopyOnWriteArrayList<>();
        // Backoffs really slept, ten minutes each: only an interrupt ends one early.
        RetryPolicy retry = new RetryPolicy(3, Duration.ofMinutes(10).toMillis(), Thread::sleep);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            PipelinedWriter pipeline = new PipelinedWriter(
                    batch -> {
                        stillWriting.set(true);
                        try {
                            return retry.call("writing", () -> {
                                calls.add("insert");
                                writing.countDown();
                                try {
                                    new CountDownLatch(1).await();
                                } catch (InterruptedException e) {
                                    // As taos-jdbcdriver 3.7.3's WebSocket client answers an interrupt: an error
                                    // without the interrupt, the flag cleared.
                                    throw new TDengineException(
                                            0x231E, ErrorKind.TRANSIENT, "ERROR (0x231e): null", null);
                                }
                                return List.of();
                            });
                        } finally {
                            stillWriting.set(false);
                        }
                    },
                    thread,
                    Duration.ofSeconds(30));
            pipeline.submit(batch(0, "m f=1 1"));
            writing.await();

            assertThat(pipeline.abandon()).hasSize(1);

            assertThat(stillWriting)
                    .as("the write ended before abandon() returned, its backoff cut short")
                    .isFalse();
            assertThat(calls).as("the abandoned batch is not written again").containsExactly("insert");
        } finally {
            thread.shutdownNow();
            thread.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    @Test
    void abandonStopsWaitingForAWriteThatIgnoresItsInterruptOnceTheAbandonTimeoutPassed() throws InterruptedException {
        StuckCall tdengine = new StuckCall();
        List<Long> written = new CopyOnWriteArrayList<>();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            PipelinedWriter pipeline = new PipelinedWriter(
                    batch -> {
                        tdengine.block();
                        written.add(batch.key().sequence());
                        return List.of();
                    },
                    thread,
                    Duration.ofMillis(10));
            pipeline.submit(batch(0, "m f=1 1"));
            pipeline.submit(batch(1, "m f=2 2"));
            tdengine.awaitBlocked();

            // The minute only turns a hang into a failure: the write cannot end before abandon() returns.
            List<Batch> abandoned = assertTimeoutPreemptively(
                    Duration.ofMinutes(1), pipeline::abandon, "abandon() waited for a write that does not end");

            assertThat(abandoned)
                    .as("the stuck batch is given up with the rest: none of its records counts as written")
                    .extracting(b -> b.key().sequence())
                    .containsExactly(0L, 1L);
            tdengine.release();
            thread.shutdown();
            assertThat(thread.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            assertThat(written)
                    .as("the stuck write ends late; the batch behind it is never started")
                    .containsExactly(0L);
            assertThat(pipeline.completed())
                    .as("the late end acknowledges nothing")
                    .isEmpty();
            assertThat(pipeline.inFlight()).isZero();
        } finally {
            tdengine.release();
            thread.shutdownNow();
        }
    }
}
