package com.taosdata.kafka.connect.it.harness;

import java.util.function.IntSupplier;

/**
 * How many rows a background stream may have written so far. A test raises it step by step so that the stream spans
 * each thing the test does to the cluster, however long that takes on a busy machine.
 */
public final class StreamGate {

    private int allowed;
    private boolean open = true;

    public StreamGate(int allowed) {
        this.allowed = allowed;
    }

    /** Lets the stream go on up to {@code rows} rows in all. */
    public synchronized void allowUpTo(int rows) {
        allowed = Math.max(allowed, rows);
        notifyAll();
    }

    /** Lets a stream waiting in {@link #awaitBeyond} return, so that it can end. */
    public synchronized void close() {
        open = false;
        notifyAll();
    }

    /**
     * Waits until more rows are allowed than {@code written} says were written, or the gate is closed, and returns
     * how many rows the stream may have written in all.
     */
    public synchronized int awaitBeyond(IntSupplier written) throws InterruptedException {
        while (open && written.getAsInt() >= allowed) {
            wait();
        }
        return allowed;
    }
}
