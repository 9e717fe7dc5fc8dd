package com.taosdata.kafka.connect.source.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.taosdata.kafka.connect.source.TDengineSession;
import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.connection.Sleeper;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.source.ReaderGuard;
import com.taosdata.kafka.connect.source.SourceReader;
import com.taosdata.kafka.connect.source.table.TableErrors;

/**
 * Query mode: visits the task's tables round-robin, querying each one that is due, until a poll holds
 * {@code fetch.max.rows} records or every table had its turn. A table that has caught up waits
 * {@code poll.interval.ms}; one that filled its batch or has further windows to scan stays due. Transient errors
 * are retried {@code max.retries} times with {@code retry.backoff.ms} between, on a fresh connection.
 */
public final class QueryReader implements SourceReader {

    private static final Logger log = LoggerFactory.getLogger(QueryReader.class);

    private final List<TableQuerier> queriers;
    private final long[] dueAt;
    private final TDengineSession session;
    private final RetryPolicy retry;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private final TimestampUnit precision;
    private final long pollIntervalMs;
    private final int fetchMaxRows;
    private final ReaderGuard guard;
    private int next;

    public QueryReader(List<TableQuerier> queriers, TDengineSession session, RetryPolicy retry, LongSupplier clock,
                       Sleeper sleeper, TimestampUnit precision, long pollIntervalMs, int fetchMaxRows) {
        this.queriers = List.copyOf(queriers);
        this.dueAt = new long[queriers.size()];
        this.session = session;
        this.retry = retry;
        this.clock = clock;
        this.sleeper = sleeper;
        this.precision = precision;
        this.pollIntervalMs = pollIntervalMs;
        this.fetchMaxRows = fetchMaxRows;
        this.guard = new ReaderGuard(session::close);
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        return guard.run(this::pollTables, List.of());
    }

    private List<SourceRecord> pollTables() throws InterruptedException {
        List<SourceRecord> records = new ArrayList<>();
        for (int visited = 0; visited < queriers.size() && records.size() < fetchMaxRows && !guard.closeRequested();
             visited++) {
            int index = next;
            next = (next + 1) % queriers.size();
            long nowMs = clock.getAsLong();
            if (dueAt[index] > nowMs) {
                continue;
            }
            TableQuerier querier = queriers.get(index);
            TableQuerier.Result result;
            try {
                long now = precision.fromMillis(nowMs);
                result = retry.call("querying table " + querier.table(), () -> session.call(c -> querier.poll(c, now)));
            } catch (TDengineException e) {
                if (!TableErrors.isTableGone(e)) {
                    throw e;
                }
                // Dropped since the connector listed it: the monitor reconfigures the tasks at its next check.
                log.warn("Table {} no longer exists ({}); skipping it until the tasks are reconfigured", querier.table(),
                        e.getMessage());
                dueAt[index] = nowMs + pollIntervalMs;
                continue;
            }
            records.addAll(result.records());
            dueAt[index] = result.caughtUp() ? nowMs + pollIntervalMs : nowMs;
        }
        if (records.isEmpty()) {
            waitForNextDue();
        }
        return records;
    }

    private void waitForNextDue() throws InterruptedException {
        long earliest = Long.MAX_VALUE;
        for (long due : dueAt) {
            earliest = Math.min(earliest, due);
        }
        long wait = queriers.isEmpty() ? pollIntervalMs : Math.min(pollIntervalMs, earliest - clock.getAsLong());
        if (wait > 0) {
            sleeper.sleep(wait);
        }
    }

    @Override
    public void close() {
        guard.close();
    }
}
