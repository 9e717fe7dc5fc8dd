package com.taosdata.kafka.connect.source.read;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets a reader be closed from Connect's stop thread without closing a connection or consumer under a running
 * poll, and without making stop wait for that poll (which may be sleeping through retry backoffs): a close
 * requested during a poll is carried out by the poll as it returns.
 */
public final class ReaderGuard {

    /** Work done under the guard on the reading thread. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws InterruptedException;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Runnable closer;
    private volatile boolean closeRequested;
    private boolean closed;

    public ReaderGuard(Runnable closer) {
        this.closer = closer;
    }

    /** Runs {@code work} unless a close was requested, in which case {@code whenClosed} is returned. */
    public <T> T run(Work<T> work, T whenClosed) throws InterruptedException {
        lock.lock();
        try {
            return closeRequested ? whenClosed : work.run();
        } finally {
            try {
                if (closeRequested) {
                    closeOnce();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Whether a close was requested; long work checks it to return early. */
    public boolean closeRequested() {
        return closeRequested;
    }

    /** Closes now if no work runs, otherwise when the running work returns. */
    public void close() {
        closeRequested = true;
        if (lock.tryLock()) {
            try {
                closeOnce();
            } finally {
                lock.unlock();
            }
        }
    }

    private void closeOnce() {
        if (!closed) {
            closed = true;
            closer.run();
        }
    }
}
