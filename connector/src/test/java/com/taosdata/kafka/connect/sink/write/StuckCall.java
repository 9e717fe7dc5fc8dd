package com.taosdata.kafka.connect.sink.write;

import java.util.concurrent.CountDownLatch;

/**
 * A driver call with no timeout of its own that ignores interrupts, as a blocked socket read does: it returns only when
 * the test releases it.
 */
public final class StuckCall {

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    /** The call, on the writer thread. */
    public void block() {
        entered.countDown();
        boolean interrupted = false;
        while (true) {
            try {
                released.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the writer thread is in the call. */
    public void awaitBlocked() throws InterruptedException {
        entered.await();
    }

    public void release() {
        released.countDown();
    }
}
