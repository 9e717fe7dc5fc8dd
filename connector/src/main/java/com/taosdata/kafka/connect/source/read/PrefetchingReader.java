package com.taosdata.kafka.connect.source.read;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Reads ahead while Connect sends what was read. Connect converts and produces the records a poll returned on the
 * task's thread before it polls again; reading TDengine on that thread too left the task's thread doing both in turn.
 * Here a reader thread polls the wrapped reader until {@value #READ_AHEAD_RECORDS} records are ready, and a poll hands
 * out all that is ready at once, so reading and sending overlap and memory stays bounded by that many records (plus one
 * batch) beyond what Connect holds.
 *
 * <p>Handing over one batch at a time, {@code fetch.max.rows} records, made the two threads take turns: each waited
 * for the other once per batch, and every wait costs a wake-up that a busy machine delays (a JFR profile of the worker
 * on 2 busy cores found each thread parked hundreds of times per run; docs/benchmarks.md).
 *
 * <p>Nothing changes for what the wrapped reader promises: its batches are handed out whole and in order, its
 * positions only describe what it read (Connect commits the offsets of what was sent), and an exception it throws
 * reaches the task's thread at the next poll after the batches read before it were handed out; the reader thread then
 * stops reading until the task polls again, as the task's thread itself would have.
 */
public final class PrefetchingReader implements SourceReader {

    /** Records the reader thread reads ahead of the task: a few scheduler time slices' worth at full rate. */
    static final int READ_AHEAD_RECORDS = 5_000;

    private final SourceReader reader;
    private final long maxWaitMs;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** The batches read and not yet handed out, in order, as one list. */
    private List<SourceRecord> ready = new ArrayList<>();
    /** What the last read threw, not yet handed out; the reader thread waits while it is set. */
    private Throwable failure;

    private boolean closed;

    /**
     * @param maxWaitMs how long {@link #poll} waits for a batch before returning an empty one, so the task's thread
     *                  regularly gets back to Connect (to pause, stop or commit)
     */
    public PrefetchingReader(SourceReader reader, long maxWaitMs, String threadName) {
        this.reader = reader;
        this.maxWaitMs = maxWaitMs;
        Thread thread = new Thread(this::readLoop, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        lock.lock();
        try {
            long leftNanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMs);
            while (ready.isEmpty() && failure == null && !closed && leftNanos > 0) {
                leftNanos = changed.awaitNanos(leftNanos);
            }
            if (!ready.isEmpty()) {
                List<SourceRecord> batches = ready;
                ready = new ArrayList<>();
                changed.signalAll();
                return batches;
            }
            if (failure != null) {
                Throwable thrown = failure;
                failure = null;
                changed.signalAll();
                throw rethrow(thrown);
            }
            return List.of();
        } finally {
            lock.unlock();
        }
    }

    private void readLoop() {
        try {
            while (awaitRoom()) {
                List<SourceRecord> batch;
                try {
                    batch = reader.poll();
                } catch (RuntimeException | Error e) {
                    hand(List.of(), e);
                    continue;
                }
                if (!batch.isEmpty()) {
                    hand(batch, null);
                }
            }
        } catch (InterruptedException e) {
            // Nothing in the connector interrupts this thread. If something did, reading has stopped: the task must
            // fail saying so rather than poll an idle reader forever.
            hand(
                    List.of(),
                    new ConnectException(
                            "the TDengine reader thread "
                                    + Thread.currentThread().getName() + " was interrupted",
                            e));
        }
    }

    /** Waits until fewer than {@value #READ_AHEAD_RECORDS} records are ready and no failure is; {@code false} once closed. */
    private boolean awaitRoom() throws InterruptedException {
        lock.lock();
        try {
            while ((ready.size() >= READ_AHEAD_RECORDS || failure != null) && !closed) {
                changed.await();
            }
            return !closed;
        } finally {
            lock.unlock();
        }
    }

    private void hand(List<SourceRecord> batch, Throwable thrown) {
        lock.lock();
        try {
            if (!closed) {
                ready.addAll(batch);
                failure = thrown;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static RuntimeException rethrow(Throwable thrown) {
        if (thrown instanceof Error error) {
            throw error;
        }
        return (RuntimeException) thrown;
    }

    @Override
    public void acknowledge(SourceRecord record) {
        reader.acknowledge(record);
    }

    /**
     * Closes the wrapped reader (which closes under a running read once it returns) and ends the reader thread
     * without waiting for it: Connect's stop must not wait on a read.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            ready = new ArrayList<>();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        reader.close();
    }
}
