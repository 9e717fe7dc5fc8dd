package com.taosdata.kafka.connect.source.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrefetchingReaderTest {

    /** A reader whose polls return what the test scripts, one entry per poll, and that counts its polls. */
    private static final class ScriptedReader implements SourceReader {
        final BlockingQueue<Object> script = new LinkedBlockingQueue<>();
        final AtomicInteger polls = new AtomicInteger();
        final List<SourceRecord> acknowledged = new ArrayList<>();
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        @SuppressWarnings("unchecked")
        public List<SourceRecord> poll() throws InterruptedException {
            Object next = script.poll(20, TimeUnit.MILLISECONDS);
            if (closed.get() || next == null) {
                return List.of();
            }
            polls.incrementAndGet();
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return (List<SourceRecord>) next;
        }

        @Override
        public synchronized void acknowledge(SourceRecord record) {
            acknowledged.add(record);
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    private final ScriptedReader reader = new ScriptedReader();
    private final PrefetchingReader prefetching = new PrefetchingReader(reader, 2_000, "test-reader");

    @AfterEach
    void close() {
        prefetching.close();
    }

    private static List<SourceRecord> batch(String... values) {
        List<SourceRecord> records = new ArrayList<>();
        for (String value : values) {
            records.add(new SourceRecord(Map.of("table", "d0"), Map.of("ts", 1L), "t", null, value));
        }
        return records;
    }

    @Test
    void batchesAreHandedOutWholeAndInOrder() throws Exception {
        List<SourceRecord> first = batch("a", "b");
        List<SourceRecord> second = batch("c");
        reader.script.add(first);
        reader.script.add(second);
        List<SourceRecord> handedOut = new ArrayList<>();
        while (handedOut.size() < 3) {
            handedOut.addAll(prefetching.poll());
        }
        assertThat(handedOut).containsExactly(first.get(0), first.get(1), second.get(0));
    }

    @Test
    void theReaderReadsAheadOfTheTaskAndAPollTakesAllThatWasRead() throws Exception {
        List<SourceRecord> first = batch("a");
        List<SourceRecord> second = batch("b", "c");
        reader.script.addAll(List.of(first, second));
        awaitPolls(2);
        assertThat(prefetching.poll()).containsExactly(first.get(0), second.get(0), second.get(1));
    }

    @Test
    void readingStopsOnceReadAheadRecordsAreReadyAndGoesOnWhenTheTaskTookThem() throws Exception {
        int readAhead = PrefetchingReader.READ_AHEAD_RECORDS;
        EndlessReader endless = new EndlessReader();
        PrefetchingReader ahead = new PrefetchingReader(endless, 2_000, "test-reader-endless");
        try {
            Thread readerThread = thread("test-reader-endless");

            awaitIdle(readerThread, endless, readAhead);
            assertThat(endless.reads).as("reads before the task polled").hasValue(readAhead);

            List<SourceRecord> taken = ahead.poll();
            assertThat(taken).hasSize(readAhead);
            assertThat(taken.get(0).value()).isEqualTo("read 1");
            assertThat(taken.get(readAhead - 1).value()).isEqualTo("read " + readAhead);
            awaitIdle(readerThread, endless, 2 * readAhead);
            assertThat(endless.reads).as("reads once the task took them").hasValue(2 * readAhead);
        } finally {
            ahead.close();
        }
    }

    @Test
    void aFailureReachesTheTaskAfterTheBatchesReadBeforeItAndReadingGoesOnAfterward() throws Exception {
        List<SourceRecord> before = batch("a");
        List<SourceRecord> after = batch("b");
        ConnectException failure = new ConnectException("querying meters failed");
        reader.script.addAll(List.of(before, failure, after));
        assertThat(prefetching.poll()).containsExactlyElementsOf(before);
        assertThatThrownBy(prefetching::poll).isSameAs(failure);
        assertThat(prefetching.poll()).containsExactlyElementsOf(after);
    }

    @Test
    void aPollWithNothingReadReturnsNothingOnceItsWaitIsOver() throws Exception {
        PrefetchingReader shortWait = new PrefetchingReader(reader, 50, "test-reader-short");
        try {
            assertThat(shortWait.poll()).isEmpty();
        } finally {
            shortWait.close();
        }
    }

    @Test
    void closeClosesTheReaderEndsAWaitingPollAndDropsWhatWasReadAhead() throws Exception {
        reader.script.add(batch("a"));
        awaitPolls(1);
        prefetching.close();
        assertThat(reader.closed).isTrue();
        assertThat(prefetching.poll()).isEmpty();
    }

    @Test
    void aReaderThreadInterruptedWhileReadingFailsTheTaskInsteadOfFallingSilent() throws Exception {
        SourceReader interrupted = new SourceReader() {
            @Override
            public List<SourceRecord> poll() throws InterruptedException {
                throw new InterruptedException("stop");
            }

            @Override
            public void close() {}
        };
        PrefetchingReader failing = new PrefetchingReader(interrupted, 2_000, "test-reader-interrupted");
        try {
            assertThatThrownBy(failing::poll)
                    .isInstanceOf(ConnectException.class)
                    .hasMessageContaining("interrupted");
        } finally {
            failing.close();
        }
    }

    @Test
    void acknowledgementsGoToTheReader() {
        SourceRecord record = batch("a").get(0);
        prefetching.acknowledge(record);
        assertThat(reader.acknowledged).containsExactly(record);
    }

    /** A reader with a one-record batch for every poll at once: only the prefetcher's waiting for room stops it. */
    private static final class EndlessReader implements SourceReader {
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public List<SourceRecord> poll() {
            return batch("read " + reads.incrementAndGet());
        }

        @Override
        public void close() {}
    }

    private static Thread thread(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Waits until the reader thread made {@code reads} reads and parked waiting on a condition: from then on it reads
     * nothing more until the task polls, so the count of reads is final, however fast or slow the thread is.
     */
    private static void awaitIdle(Thread readerThread, EndlessReader reader, int reads) {
        await().atMost(Duration.ofMinutes(1))
                .until(() -> reader.reads.get() >= reads
                        && readerThread.getState() == Thread.State.WAITING
                        && LockSupport.getBlocker(readerThread) instanceof Condition);
    }

    private void awaitPolls(int polls) {
        await().atMost(Duration.ofSeconds(5)).untilAtomic(reader.polls, greaterThanOrEqualTo(polls));
    }
}
