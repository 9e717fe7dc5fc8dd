package com.taosdata.kafka.connect.source.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open window of a query over several subtables: its result, read a step at a time, and what reading it has
 * shown so far. It belongs to the connection it was opened on.
 */
final class SharedWindow implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SharedWindow.class);

    final Connection connection;
    final ResultSet rows;
    /** The window's inclusive upper bound. */
    final long upper;
    /** Whether the window reaches as far as reading may go now: nothing after it can be read yet. */
    final boolean reachedUntil;

    private final Statement statement;
    /** Composite keys: rows still to skip at each subtable's position timestamp (sent before this window). */
    private final Map<String, Long> skip;
    /** Subtables whose position this window moved. */
    final Set<String> moved = new HashSet<>();

    long read;
    long skipped;
    long handedOut;

    SharedWindow(
            Connection connection,
            Statement statement,
            ResultSet rows,
            long upper,
            boolean reachedUntil,
            Map<String, Long> skip) {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
        this.upper = upper;
        this.reachedUntil = reachedUntil;
        this.skip = skip;
    }

    /** Whether a row of {@code table} at its position's timestamp was sent before: counts it off if so. */
    boolean sentBefore(String table) {
        long left = skip.getOrDefault(table, 0L);
        if (left == 0) {
            return false;
        }
        skip.put(table, left - 1);
        return true;
    }

    @Override
    public void close() {
        closeQuietly(statement);
    }

    static void closeQuietly(Statement statement) {
        if (statement == null) {
            return;
        }
        try {
            statement.close();
        } catch (SQLException e) {
            // The result is abandoned either way (the window is re-read from the positions); only worth a trace.
            log.debug("Closing a TDengine statement failed: {}", e.getMessage());
        }
    }
}
