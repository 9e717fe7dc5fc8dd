package com.taosdata.kafka.connect.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;

import com.taosdata.kafka.connect.sink.write.StuckCall;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A write that ignores its interrupt (a driver call with no timeout of its own) holds a rebalance up for
 * {@code request.timeout.ms} at most, and commits nothing for its records.
 */
class TDengineSinkTaskStuckWriteTest extends SinkTaskTestBase {

    private final StuckCall tdengineCall = new StuckCall();
    private final ExecutorService thread = Executors.newSingleThreadExecutor();

    @BeforeEach
    void writesOnARealThreadThatGetStuck() {
        writerThread = thread;
        doAnswer(invocation -> {
                    tdengineCall.block();
                    return null;
                })
                .when(initializer)
                .ensure(anyString());
    }

    @AfterEach
    void releaseTheStuckCall() {
        tdengineCall.release();
        thread.shutdownNow();
    }

    @Test
    void closeReturnsAfterTheRequestTimeoutAndTheStuckRecordsAreConsumedAgainNotCommitted()
            throws InterruptedException {
        start("request.timeout.ms", "10");
        task.put(lines(1, 0, 5));
        tdengineCall.awaitBlocked();

        try (LogCapture log = new LogCapture()) {
            // The minute only turns a hang into a failure: the write cannot end before close() returns.
            assertTimeoutPreemptively(
                    Duration.ofMinutes(1),
                    () -> task.close(List.of(METERS_0)),
                    "close() waited for a write that does not end");

            assertThat(log.text())
                    .contains(
                            "the interrupted write of 5 record(s) into database power did not stop " + "within 10 ms");
        }
        assertThat(context.rewound).containsExactly(entry(METERS_1, 0L));
        assertThat(preCommit(METERS_1)).isEmpty();

        tdengineCall.release();
        thread.shutdown();
        assertThat(thread.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        assertThat(tdengine.accepted())
                .as("the stuck write reached TDengine after all")
                .hasSize(5);
        assertThat(preCommit(METERS_1))
                .as("but its late end acknowledges nothing")
                .isEmpty();
    }
}
