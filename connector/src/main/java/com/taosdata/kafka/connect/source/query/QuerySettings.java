package com.taosdata.kafka.connect.source.query;

import com.taosdata.kafka.connect.source.config.TopicNaming;
import com.taosdata.kafka.connect.source.format.RowFormatter;

/**
 * How a task's queriers read, the same for each of them: the connector's settings, timestamps already converted to
 * the database's precision.
 *
 * @param start          first timestamp read (inclusive) of a table without position ({@code timestamp.initial}),
 *                       or {@code null} for its first row
 * @param interval       longest window span ({@code query.interval.ms}) in the database's precision; 0 for none
 * @param fetchMaxRows   rows fetched per step ({@code fetch.max.rows})
 * @param windowRows     rows a window over several subtables is sized to hold ({@link WindowSizer#windowRows})
 * @param pollIntervalMs how long a table that has caught up waits before it is queried again
 * @param topics         the topic of each super table's or normal table's rows
 * @param formatter      the record values
 */
public record QuerySettings(
        Long start,
        long interval,
        int fetchMaxRows,
        int windowRows,
        long pollIntervalMs,
        TopicNaming topics,
        RowFormatter formatter) {}
