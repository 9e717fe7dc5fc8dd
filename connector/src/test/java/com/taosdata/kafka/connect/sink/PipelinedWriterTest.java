package com.taosdata.kafka.connect.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

import com.taosdata.kafka.connect.connection.ErrorKind;
import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.connection.TDengineException;

class PipelinedWriterTest {

    private final FakeSchemalessWriter tdengine = new FakeSchemalessWriter();
    private final SinkTaskMetrics metrics = new SinkTaskMetrics();
    /** A writer thread that runs a queued write only when the test says so. */
    private final Deque<Runnable> queued = new ArrayDeque<>();
    private final Executor manualThread = queued::addLast;

    private PipelinedWriter pipeline(int maxInFlight) {
        return new PipelinedWriter(new IsolatingBatchWriter(tdengine, new RetryPolicy(0, 0, millis -> { }), metrics),
                manualThread, maxInFlight);
    }

    private static Batch batch(long sequence, String... lines) {
        List<EncodedRecord> records = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            records.add(new EncodedRecord(SinkRecords.record("meters", 0, sequence * 100 + i, lines[i]), List.of(lines[i])));
        }
        return new Batch(new Batch.Key("power", sequence), records);
    }

    private void runWriterThread() {
        while (!queued.isEmpty()) {
            queued.removeFirst().run();
        }
    }

    @Test
    void theTaskGoesOnWhileABatchIsWrittenAndResultsComeBackInOrder() {
        PipelinedWriter pipeline = pipeline(2);

        assertThat(pipeline.submit(batch(0, "m f=1 1"))).isEmpty();
        assertThat(pipeline.submit(batch(1, "m f=2 2"))).as("nothing written yet, nothing waited for").isEmpty();
        assertThat(pipeline.completed()).isEmpty();
        assertThat(tdengine.calls).isEmpty();

        runWriterThread();

        assertThat(pipeline.completed()).extracting(r -> r.batch().key().sequence()).containsExactly(0L, 1L);
        assertThat(tdengine.accepted()).containsExactly("m f=1 1", "m f=2 2");
        assertThat(pipeline.idle()).isTrue();
    }

    @Test
    void submittingBeyondTheLimitWaitsForTheOldestBatch() {
        PipelinedWriter pipeline = new PipelinedWriter(new IsolatingBatchWriter(tdengine, new RetryPolicy(0, 0, millis -> { }),
                metrics), Runnable::run, 1);

        assertThat(pipeline.submit(batch(0, "m f=1 1"))).extracting(r -> r.batch().key().sequence()).containsExactly(0L);
        assertThat(pipeline.submit(batch(1, "m f=2 2"))).extracting(r -> r.batch().key().sequence()).containsExactly(1L);
        assertThat(pipeline.awaitAll()).isEmpty();
    }

    @Test
    void rejectedRecordsTravelWithTheirBatchResult() {
        PipelinedWriter pipeline = pipeline(1);
        pipeline.submit(batch(0, "m f=1 1", "BAD 2"));
        runWriterThread();

        List<PipelinedWriter.Result> results = pipeline.awaitAll();

        assertThat(results).singleElement().satisfies(result ->
                assertThat(result.rejected()).extracting(r -> r.record().kafkaOffset()).containsExactly(1L));
    }

    @Test
    void aFailedWriteIsRethrownOnTheTaskThreadAsItWas() {
        TDengineException fatal = TDengineException.fromCode(0x80000357, "Authentication failure", null);
        tdengine.nextFailure = fatal;
        PipelinedWriter pipeline = pipeline(1);
        pipeline.submit(batch(0, "m f=1 1"));
        runWriterThread();

        assertThatThrownBy(pipeline::awaitAll).isSameAs(fatal)
                .isInstanceOfSatisfying(TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FATAL));
    }
}
