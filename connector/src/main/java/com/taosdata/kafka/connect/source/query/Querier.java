package com.taosdata.kafka.connect.source.query;

import java.sql.Connection;

/** Reads some of a task's tables incrementally: one table, or several subtables of one super table. */
public interface Querier extends AutoCloseable {

    /** What it reads, for logs and errors. */
    String describe();

    /**
     * One step of reading: at most {@code fetch.max.rows} rows fetched, returned as records whose offsets hold each
     * table's position after the row. Rows are read up to {@code untilMs} (inclusive, epoch milliseconds; see
     * {@link ReadHorizon}), which no position passes. {@code caughtUp} is true when nothing is left to read up to
     * there, so the querier can wait {@code poll.interval.ms} from {@code nowMs}, the worker's clock. A failed step
     * hands nothing out and moves no position.
     */
    QueryResult poll(Connection connection, long nowMs, long untilMs);

    /** Releases a result still open; the connection itself belongs to the caller. */
    @Override
    default void close() {}
}
