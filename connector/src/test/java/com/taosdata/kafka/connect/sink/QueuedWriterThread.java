package com.taosdata.kafka.connect.sink;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** A writer thread that runs what it was given only when the test says so: TDengine as slow as the test needs. */
final class QueuedWriterThread implements Executor {

    private final Deque<Runnable> queued = new ArrayDeque<>();

    @Override
    public void execute(Runnable write) {
        queued.addLast(write);
    }

    /** Runs the oldest queued write. */
    void runOne() {
        queued.removeFirst().run();
    }

    /** Runs every queued write, in order. */
    void runAll() {
        while (!queued.isEmpty()) {
            runOne();
        }
    }

    int queued() {
        return queued.size();
    }
}
