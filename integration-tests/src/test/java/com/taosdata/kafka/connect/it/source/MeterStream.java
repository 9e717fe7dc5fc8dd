package com.taosdata.kafka.connect.it.source;

import com.taosdata.kafka.connect.it.harness.StreamGate;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Inserts rows into {@link #TABLES} of {@link Meters#STABLE} from a background thread at a steady pace, over one
 * connection: each statement adds the next {@code perInsert} rows of every subtable, row {@code i} of a subtable at
 * {@code base + i} seconds, {@code total} rows in all (a multiple of the number of subtables). Many more rows than
 * {@link RowInserter}'s, so it counts them instead of listing them; a {@link StreamGate} may hold it.
 */
final class MeterStream implements AutoCloseable {

    static final List<String> TABLES = List.of("d1", "d2", "d3", "d4", "d5", "d6");

    private final String database;
    private final long base;
    private final StreamGate gate;
    private final AtomicInteger perTable = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * Creates every subtable with its first {@code perInsert} rows before returning, so that a query-mode connector
     * created next has all of them to spread over its tasks, then goes on in the background.
     */
    MeterStream(TDengineTarget td, String database, long base, int total, int perInsert, long pauseMs, StreamGate gate)
            throws SQLException {
        if (total % TABLES.size() != 0) {
            throw new IllegalArgumentException(
                    total + " rows do not spread evenly over " + TABLES.size() + " subtables");
        }
        this.database = database;
        this.base = base;
        this.gate = gate;
        int rowsPerTable = total / TABLES.size();
        Connection connection = td.connect();
        insert(connection, Math.min(perInsert, rowsPerTable));
        thread = new Thread(
                () -> {
                    try (Connection open = connection) {
                        while (running && perTable.get() < rowsPerTable) {
                            int allowedPerTable = gate.awaitBeyond(this::inserted) / TABLES.size();
                            int count = Math.min(perInsert, Math.min(rowsPerTable, allowedPerTable) - perTable.get());
                            if (count > 0) {
                                insert(open, count);
                            }
                            Thread.sleep(pauseMs);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (SQLException | RuntimeException e) {
                        failure.set(e);
                    }
                },
                "meter-stream-" + database);
        thread.setDaemon(true);
        thread.start();
    }

    /** The next {@code count} rows of every subtable, in one statement. */
    private void insert(Connection connection, int count) throws SQLException {
        int first = perTable.get();
        StringBuilder sql = new StringBuilder("INSERT INTO");
        for (int t = 0; t < TABLES.size(); t++) {
            List<Meters.Reading> rows = Meters.rows(TABLES.get(t), "site " + t, t, base, first, count);
            sql.append(' ').append(Meters.tableClause(database, rows));
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql.toString());
        }
        perTable.addAndGet(count);
    }

    /** Rows TDengine accepted so far, all subtables. */
    int inserted() {
        return perTable.get() * TABLES.size();
    }

    /** Rows of each subtable TDengine accepted so far: row indexes 0 to this, exclusive. */
    int insertedPerTable() {
        return perTable.get();
    }

    long base() {
        return base;
    }

    /** What stopped the stream early, if anything did. */
    Throwable failure() {
        return failure.get();
    }

    void awaitDone() throws InterruptedException {
        thread.join();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        gate.close();
        thread.join();
    }
}
