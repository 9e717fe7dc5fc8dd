package com.taosdata.kafka.connect.it.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Produces line protocol rows to a topic in the background at a steady pace, one distinct timestamp per row, so a
 * test can break something mid-stream and then count that every row arrived exactly once.
 */
public final class LineStream implements AutoCloseable {

    private static final long T0 = 1700000000000000000L;

    private final Thread thread;
    private final AtomicInteger produced = new AtomicInteger();
    private volatile boolean running = true;

    public LineStream(KafkaBroker broker, String topic, String measurement, int total, int perBatch, long pauseMs) {
        thread = new Thread(() -> {
            while (running && produced.get() < total) {
                List<String> batch = new ArrayList<>();
                for (int i = 0; i < perBatch && produced.get() + batch.size() < total; i++) {
                    int n = produced.get() + batch.size();
                    batch.add(measurement + ",dev=d" + (n % 4) + " seq=" + n + "i64 " + (T0 + n * 1_000_000L));
                }
                broker.produce(topic, batch);
                produced.addAndGet(batch.size());
                try {
                    Thread.sleep(pauseMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }, "line-stream-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    public int produced() {
        return produced.get();
    }

    public void awaitDone() throws InterruptedException {
        thread.join();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
