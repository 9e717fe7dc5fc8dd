package com.taosdata.kafka.connect.it.source;

import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import com.taosdata.kafka.connect.it.source.Meters.Reading;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Inserts {@value #ROWS_PER_INSERT} rows into each of {@link #TABLES} every 50 ms until stopped, remembering what
 * TDengine accepted.
 */
final class RowInserter implements Runnable {

    static final List<String> TABLES = List.of("d1", "d2", "d3");
    private static final int ROWS_PER_INSERT = 2;

    private final TDengineTarget td;
    private final String database;
    private final long base;
    private final List<RowKey> inserted = Collections.synchronizedList(new ArrayList<>());
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stopped;
    private int next;

    RowInserter(TDengineTarget td, String database, long base) {
        this.td = td;
        this.database = database;
        this.base = base;
    }

    void insertOnce() {
        for (int t = 0; t < TABLES.size(); t++) {
            List<Reading> rows = Meters.rows(TABLES.get(t), "site " + t, t, base, next, ROWS_PER_INSERT);
            Meters.insert(td, database, rows);
            rows.forEach(r -> inserted.add(new RowKey(r.table(), r.ts())));
        }
        next += ROWS_PER_INSERT;
    }

    @Override
    public void run() {
        try {
            // Rows are one second apart from an hour ago: 1800 batches stay in the past, where query mode reads.
            while (!stopped && next < 3600 - ROWS_PER_INSERT) {
                insertOnce();
                // Paces the stream so that it spans what the suite does to the connector meanwhile.
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure.set(e);
        }
    }

    void stop() {
        stopped = true;
    }

    List<RowKey> inserted() {
        synchronized (inserted) {
            return List.copyOf(inserted);
        }
    }

    Throwable failure() {
        return failure.get();
    }
}
