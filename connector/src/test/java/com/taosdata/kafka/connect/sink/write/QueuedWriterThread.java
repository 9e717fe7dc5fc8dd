package com.taosdata.kafka.connect.sink.write;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** A writer thread that runs what it was given only when the test says so: TDengine as slow as the test needs. */
public final class QueuedWriterThread implements Executor {

    private final Deque<Runnable> queued = new ArrayDeque<>();

    @Override
    public void execute(Runnable write) {
        queued.addLast(write);
    }

    /** Runs the oldest queued write. */
    public void runOne() {
        queued.removeFirst().run();
    }

    /** Runs every queued write, in order. */
    public void runAll() {
        while (!queued.isEmpty()) {
            runOne();
        }
    }

    public int queued() {
        return queued.size();
    }
}
