package com.taosdata.kafka.connect.source.query;

import com.taosdata.kafka.connect.connection.ErrorCodes;
import com.taosdata.kafka.connect.connection.TDengineException;
import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subtables of a super table that are read on their own, one query each ({@link TableQuerier}), round-robin: a
 * subtable that caught up waits {@code poll.interval.ms}, one with more to read stays due. A subtable dropped since
 * the tasks were configured is skipped until they are configured again.
 */
final class SoloTables {

    private static final Logger log = LoggerFactory.getLogger(SoloTables.class);

    private final long pollIntervalMs;
    private final Deque<Solo> tables = new ArrayDeque<>();

    SoloTables(long pollIntervalMs) {
        this.pollIntervalMs = pollIntervalMs;
    }

    void add(TableQuerier querier) {
        tables.add(new Solo(querier));
    }

    boolean anyDue(long nowMs) {
        return nextDue(nowMs) != null;
    }

    /** One step of the next subtable that is due; nothing when none is. */
    List<SourceRecord> poll(Connection connection, long nowMs, long untilMs) {
        Solo table = nextDue(nowMs);
        if (table == null) {
            return List.of();
        }
        tables.remove(table);
        tables.addLast(table);
        QueryResult result;
        try {
            result = table.querier.poll(connection, nowMs, untilMs);
        } catch (TDengineException e) {
            if (!ErrorCodes.isTableGone(e.code())) {
                throw e;
            }
            log.warn(
                    "Table {} no longer exists ({}); skipping it until the tasks are reconfigured",
                    table.querier.table(),
                    e.getMessage());
            table.dueMs = nowMs + pollIntervalMs;
            return List.of();
        }
        table.dueMs = result.caughtUp() ? nowMs + pollIntervalMs : nowMs;
        return result.records();
    }

    /**
     * Removes and returns the subtables whose position is no lower than {@code lowest} ({@code null}: any position),
     * so that they can rejoin a query over several subtables without taking it back.
     */
    List<TableQuerier> caughtUpWith(Long lowest) {
        List<TableQuerier> caughtUp = new ArrayList<>();
        Iterator<Solo> it = tables.iterator();
        while (it.hasNext()) {
            TableQuerier querier = it.next().querier;
            TablePosition position = querier.position();
            if (position != null && (lowest == null || position.timestamp() >= lowest)) {
                it.remove();
                caughtUp.add(querier);
            }
        }
        return caughtUp;
    }

    private Solo nextDue(long nowMs) {
        for (Solo candidate : tables) {
            if (candidate.dueMs <= nowMs) {
                return candidate;
            }
        }
        return null;
    }

    /** A subtable read on its own, and when it is due. */
    private static final class Solo {
        final TableQuerier querier;
        long dueMs;

        Solo(TableQuerier querier) {
            this.querier = querier;
        }
    }
}
