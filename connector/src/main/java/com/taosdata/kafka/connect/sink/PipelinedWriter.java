package com.taosdata.kafka.connect.sink;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * Writes batches on the task's writer thread while the task thread goes on consuming and filling the next batch, so
 * the time Connect spends polling and converting overlaps the time TDengine spends writing. Batches are written one at
 * a time in submission order — a later record with the same timestamp must overwrite an earlier one — and at most
 * {@code maxInFlight} are accepted before {@link #submit} waits for the oldest: memory stays bounded and a slow
 * TDengine slows consumption down. Results, failures included, come back to the task thread in submission order.
 */
final class PipelinedWriter {

    /** A batch written, with the records TDengine rejected. */
    record Result(Batch batch, List<IsolatingBatchWriter.Rejected> rejected) {
    }

    private final IsolatingBatchWriter writer;
    private final Executor writerThread;
    private final int maxInFlight;
    private final Deque<Future<Result>> inFlight = new ArrayDeque<>();

    PipelinedWriter(IsolatingBatchWriter writer, Executor writerThread, int maxInFlight) {
        this.writer = writer;
        this.writerThread = writerThread;
        this.maxInFlight = maxInFlight;
    }

    /** Queues {@code batch}, first waiting for the oldest batch if {@code maxInFlight} are in flight; returns results done so far. */
    List<Result> submit(Batch batch) {
        List<Result> done = new ArrayList<>();
        while (inFlight.size() >= maxInFlight) {
            done.add(await(inFlight.removeFirst()));
        }
        inFlight.addLast(CompletableFuture.supplyAsync(
                () -> new Result(batch, writer.write(batch.key().database(), batch.records())), writerThread));
        done.addAll(completed());
        return done;
    }

    /** Results of the batches that are done, without waiting; stops at the first one still being written. */
    List<Result> completed() {
        List<Result> done = new ArrayList<>();
        while (!inFlight.isEmpty() && inFlight.peekFirst().isDone()) {
            done.add(await(inFlight.removeFirst()));
        }
        return done;
    }

    /** Waits for every batch in flight. */
    List<Result> awaitAll() {
        List<Result> done = new ArrayList<>();
        while (!inFlight.isEmpty()) {
            done.add(await(inFlight.removeFirst()));
        }
        return done;
    }

    boolean idle() {
        return inFlight.isEmpty();
    }

    private static Result await(Future<Result> write) {
        try {
            return write.get();
        } catch (ExecutionException e) {
            // The writer thread's failure, rethrown as it was on the task thread: it carries TDengine's code and kind.
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new ConnectException("writing a batch into TDengine failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while waiting for a batch to be written", e);
        }
    }
}
