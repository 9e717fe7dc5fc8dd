package com.taosdata.kafka.connect.source.query;

import java.sql.Connection;

/** Reads some of a task's tables incrementally: one table, or several subtables of one super table. */
public interface Querier extends AutoCloseable {

    /** What it reads, for logs and errors. */
    String describe();

    /**
     * One step of reading: at most {@code fetch.max.rows} rows fetched, returned as records whose offsets hold each
     * table's position after the row. {@code caughtUp} is true when nothing is left to read before now, so the
     * querier can wait {@code poll.interval.ms}. A failed step hands nothing out and moves no position.
     */
    QueryResult poll(Connection connection, long nowMs);

    /** Releases a result still open; the connection itself belongs to the caller. */
    @Override
    default void close() {
    }
}
