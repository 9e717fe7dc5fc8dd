package com.taosdata.kafka.connect.source.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReaderGuardTest {

    private final AtomicInteger closes = new AtomicInteger();
    private final ReaderGuard guard = new ReaderGuard(closes::incrementAndGet);

    @Test
    void closeWithoutRunningWorkClosesAtOnceAndOnlyOnce() {
        guard.close();
        guard.close();
        assertThat(closes).hasValue(1);
    }

    @Test
    void workAfterCloseDoesNotRun() throws Exception {
        guard.close();
        assertThat(guard.run(() -> "ran", "closed")).isEqualTo("closed");
    }

    @Test
    void closeDuringWorkWaitsForTheWorkThenCloses() throws Exception {
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread poller = new Thread(() -> {
            try {
                guard.run(
                        () -> {
                            working.countDown();
                            release.await(5, TimeUnit.SECONDS);
                            return null;
                        },
                        null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        poller.start();
        assertThat(working.await(5, TimeUnit.SECONDS)).isTrue();
        guard.close();
        assertThat(closes).hasValue(0);
        assertThat(guard.closeRequested()).isTrue();
        release.countDown();
        poller.join(5000);
        assertThat(closes).hasValue(1);
    }
}
