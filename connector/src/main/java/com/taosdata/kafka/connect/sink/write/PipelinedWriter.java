package com.taosdata.kafka.connect.sink.write;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes batches on the task's writer thread while the task thread goes on consuming, so the time Connect spends
 * polling and converting overlaps the time TDengine spends writing, and so the task thread never waits for TDengine:
 * retries of a failing write run on the writer thread while Connect keeps polling (a task that stops polling for longer
 * than {@code max.poll.interval.ms} is thrown out of its consumer group). Batches are written one at a time in
 * submission order — a later record with the same timestamp must overwrite an earlier one. Results, failures
 * included, come back to the task thread in submission order. How many batches may wait is the task's business:
 * {@link #inFlight()} tells it.
 */
public final class PipelinedWriter {

    private static final Logger log = LoggerFactory.getLogger(PipelinedWriter.class);

    /** Writes one batch on the writer thread and returns the records TDengine rejected. */
    @FunctionalInterface
    public interface BatchWriter {
        List<IsolatingBatchWriter.Rejected> write(Batch batch);
    }

    /** A batch written, with the records TDengine rejected. */
    public record Result(Batch batch, List<IsolatingBatchWriter.Rejected> rejected) {}

    private final BatchWriter writer;
    private final Executor writerThread;
    private final Duration abandonTimeout;
    private final Deque<Write> inFlight = new ArrayDeque<>();

    /**
     * @param abandonTimeout how long {@link #abandon()} waits for an interrupted write to stop: a driver that ignores
     *                       the interrupt must not hold up a rebalance or the task's stop until it gives up by itself
     */
    public PipelinedWriter(BatchWriter writer, Executor writerThread, Duration abandonTimeout) {
        this.writer = writer;
        this.writerThread = writerThread;
        this.abandonTimeout = abandonTimeout;
    }

    /** Queues {@code batch} behind the batches in flight; never waits. */
    public void submit(Batch batch) {
        Write write = new Write(batch, writer);
        inFlight.addLast(write);
        writerThread.execute(write);
    }

    /** Batches submitted whose results were not collected yet. */
    public int inFlight() {
        return inFlight.size();
    }

    /** Results of the batches that are done, without waiting; stops at the first one still being written. */
    public List<Result> completed() {
        List<Result> done = new ArrayList<>();
        while (!inFlight.isEmpty() && inFlight.peekFirst().result.isDone()) {
            done.add(resultOf(inFlight.removeFirst()));
        }
        return done;
    }

    /**
     * Gives up every batch in flight: batches not started are skipped, the one being written is interrupted (which
     * ends its retries) and waited for, so nothing of them reaches TDengine after this returns. Returns them all,
     * in submission order, including any that completed but whose result was not collected; the caller counts none
     * of their records as written. A write that ignores its interrupt is waited for only until the abandon timeout,
     * then left to end on the writer thread with a warning: it may still reach TDengine later, but as its batch is
     * among those returned, its records are consumed again and no offset is committed on its account.
     */
    public List<Batch> abandon() {
        List<Batch> abandoned = new ArrayList<>(inFlight.size());
        long deadline = System.nanoTime() + abandonTimeout.toNanos();
        for (Write write : inFlight) {
            if (!write.abandon(deadline)) {
                log.warn(
                        "the interrupted write of {} record(s) into database {} did not stop within {} ms; it is left "
                                + "to end on the writer thread and may still reach TDengine; its records are consumed "
                                + "again and no offset is committed for them until they are written again",
                        write.batch.records().size(),
                        write.batch.key().database(),
                        abandonTimeout.toMillis());
            }
            abandoned.add(write.batch);
        }
        inFlight.clear();
        return abandoned;
    }

    private static Result resultOf(Write write) {
        try {
            return write.result.get();
        } catch (ExecutionException e) {
            // The writer thread's failure, rethrown as it was on the task thread: it carries TDengine's code and kind.
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ConnectException("writing a batch into TDengine failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while collecting a written batch", e);
        }
    }

    /** One batch's write on the writer thread; skipped when abandoned before it starts, interrupted when after. */
    private static final class Write implements Runnable {

        private static final long INTERRUPT_AGAIN_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

        private final Batch batch;
        private final BatchWriter writer;
        private final CompletableFuture<Result> result = new CompletableFuture<>();
        // Guarded by this.
        private Thread runner;
        private boolean abandoned;
        private boolean interrupted;
        private boolean finished;
        /** Abandoned, interrupted, and still running when the task stopped waiting for it. */
        private boolean leftRunning;

        Write(Batch batch, BatchWriter writer) {
            this.batch = batch;
            this.writer = writer;
        }

        @Override
        public void run() {
            synchronized (this) {
                if (abandoned) {
                    finished = true;
                    return;
                }
                runner = Thread.currentThread();
            }
            Throwable failure = null;
            try {
                result.complete(new Result(batch, writer.write(batch)));
            } catch (Throwable e) {
                // Handed to the task thread, which rethrows it; unless the task gave the batch up.
                failure = e;
                result.completeExceptionally(e);
            } finally {
                synchronized (this) {
                    runner = null;
                    finished = true;
                    if (interrupted) {
                        // The interrupt may have come after the write ended: the next batch must not inherit it.
                        Thread.interrupted();
                        if (leftRunning) {
                            log.warn(
                                    "an abandoned write of {} record(s) into database {} ended only after the task "
                                            + "stopped waiting for it; rows written meanwhile with the same table and "
                                            + "timestamp may have been overwritten by its older values",
                                    batch.records().size(),
                                    batch.key().database(),
                                    failure);
                        } else {
                            log.debug(
                                    "abandoned the write of {} record(s) into {}",
                                    batch.records().size(),
                                    batch.key().database(),
                                    failure);
                        }
                    }
                    notifyAll();
                }
            }
        }

        /**
         * Interrupts the write and waits for it until {@code deadline} ({@link System#nanoTime()}) at the latest;
         * false when the write was still running then. The write is interrupted again every
         * {@link #INTERRUPT_AGAIN_NANOS} while it runs: a driver may swallow an interrupt (taos-jdbcdriver 3.7.3's
         * WebSocket client turns it into an SQLException, 0x231E or no code, and clears the flag), and the retry policy
         * would then wait out its whole backoff and write the abandoned batch again, holding up the rebalance.
         */
        synchronized boolean abandon(long deadline) {
            abandoned = true;
            if (runner == null) {
                return true;
            }
            interrupted = true;
            runner.interrupt();
            boolean stopping = false;
            long remaining = deadline - System.nanoTime();
            while (!finished && remaining > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, Math.min(remaining, INTERRUPT_AGAIN_NANOS));
                } catch (InterruptedException e) {
                    // The task thread is being stopped too; the write should end shortly, so keep waiting for it.
                    stopping = true;
                }
                if (!finished) {
                    // Still the write's thread: it is cleared only together with finished, under this lock.
                    runner.interrupt();
                }
                remaining = deadline - System.nanoTime();
            }
            leftRunning = !finished;
            if (stopping) {
                Thread.currentThread().interrupt();
            }
            return finished;
        }
    }
}
