package com.taosdata.kafka.connect.it.harness;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Produces line protocol rows to a topic in the background at a steady pace, one distinct timestamp per row, so a
 * test can break something mid-stream and then count that every row arrived exactly once. Row {@code n} has field
 * {@code seq=n}; a {@link StreamGate} may hold the stream until the test lets it go on.
 */
public final class LineStream implements AutoCloseable {

    private static final long T0 = 1700000000000000000L;

    private final Thread thread;
    private final AtomicInteger produced = new AtomicInteger();
    private final StreamGate gate;
    private volatile boolean running = true;

    public LineStream(KafkaBroker broker, String topic, String measurement, int total, int perBatch, long pauseMs) {
        this(broker, topic, measurement, total, perBatch, pauseMs, new StreamGate(total));
    }

    public LineStream(
            KafkaBroker broker,
            String topic,
            String measurement,
            int total,
            int perBatch,
            long pauseMs,
            StreamGate gate) {
        this.gate = gate;
        thread = new Thread(
                () -> {
                    try (KafkaProducer<byte[], byte[]> producer = broker.producer()) {
                        while (running && produced.get() < total) {
                            int end = Math.min(
                                    total, Math.min(gate.awaitBeyond(produced::get), produced.get() + perBatch));
                            for (int n = produced.get(); n < end; n++) {
                                String line =
                                        measurement + ",dev=d" + (n % 4) + " seq=" + n + "i64 " + (T0 + n * 1_000_000L);
                                producer.send(new ProducerRecord<>(
                                        topic,
                                        ("k" + n).getBytes(StandardCharsets.UTF_8),
                                        line.getBytes(StandardCharsets.UTF_8)));
                            }
                            producer.flush();
                            produced.set(end);
                            Thread.sleep(pauseMs);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "line-stream-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    /** Rows the broker acknowledged so far. */
    public int produced() {
        return produced.get();
    }

    public void awaitDone() throws InterruptedException {
        thread.join();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        gate.close();
        thread.join();
    }
}
