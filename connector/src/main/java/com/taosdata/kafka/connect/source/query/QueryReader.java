package com.taosdata.kafka.connect.source.query;

import com.taosdata.kafka.connect.connection.ErrorCodes;
import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.connection.Sleeper;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.connection.TDengineSession;
import com.taosdata.kafka.connect.metrics.SourceTaskMetrics;
import com.taosdata.kafka.connect.source.read.ReaderGuard;
import com.taosdata.kafka.connect.source.read.SourceReader;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Query mode: visits the task's queriers (one per group of subtables of a super table, one per normal table)
 * round-robin, stepping each one that is due until a poll holds {@code fetch.max.rows} records or every querier had
 * its turn. A querier that has caught up waits {@code poll.interval.ms}; one with more to read stays due. Each step
 * fetches at most {@code fetch.max.rows} rows. Transient errors are retried {@code max.retries} times with
 * {@code retry.backoff.ms} between, on a fresh connection; a failed step hands nothing out.
 */
public final class QueryReader implements SourceReader {

    private static final Logger log = LoggerFactory.getLogger(QueryReader.class);

    private final List<Querier> queriers;
    private final long[] dueAt;
    private final TDengineSession session;
    private final RetryPolicy retry;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private final long pollIntervalMs;
    private final int fetchMaxRows;
    private final ReaderGuard guard;
    private final ReadHorizon horizon;
    private final SourceTaskMetrics metrics;
    /**
     * Per querier, the timestamp (epoch ms) of the newest row it handed out while it has rows left to read, or
     * {@link Long#MAX_VALUE} once it found nothing left to read (up to its {@link ReadHorizon}): what {@code ms-behind}
     * is made of.
     */
    private final long[] behindSince;

    private int next;

    public QueryReader(
            List<? extends Querier> queriers,
            TDengineSession session,
            RetryPolicy retry,
            LongSupplier clock,
            Sleeper sleeper,
            long pollIntervalMs,
            int fetchMaxRows,
            ReadHorizon horizon,
            SourceTaskMetrics metrics) {
        this.queriers = List.copyOf(queriers);
        this.dueAt = new long[queriers.size()];
        this.behindSince = new long[queriers.size()];
        Arrays.fill(behindSince, Long.MIN_VALUE);
        this.metrics = metrics;
        this.session = session;
        this.retry = retry;
        this.clock = clock;
        this.sleeper = sleeper;
        this.pollIntervalMs = pollIntervalMs;
        this.fetchMaxRows = fetchMaxRows;
        this.guard = new ReaderGuard(this::closeQueriers);
        this.horizon = horizon;
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        return guard.run(this::pollTables, List.of());
    }

    private List<SourceRecord> pollTables() throws InterruptedException {
        List<SourceRecord> records = new ArrayList<>();
        horizon.newRound();
        for (int visited = 0;
                visited < queriers.size() && records.size() < fetchMaxRows && !guard.closeRequested();
                visited++) {
            int index = next;
            next = (next + 1) % queriers.size();
            Querier querier = queriers.get(index);
            for (long nowMs = clock.getAsLong();
                    dueAt[index] <= nowMs && records.size() < fetchMaxRows && !guard.closeRequested();
                    nowMs = clock.getAsLong()) {
                QueryResult result;
                try {
                    long stepNowMs = nowMs;
                    result = retry.call(
                            "querying " + querier.describe(),
                            () -> session.call(c -> timed(querier, c, stepNowMs, horizon.untilMs(c, stepNowMs))),
                            cause -> metrics.retried());
                } catch (TDengineException e) {
                    if (!ErrorCodes.isTableGone(e.code())) {
                        throw e;
                    }
                    // Dropped since the connector listed it: the monitor reconfigures the tasks at its next check.
                    log.warn(
                            "{} no longer exists ({}); skipping it until the tasks are reconfigured",
                            querier.describe(),
                            e.getMessage());
                    dueAt[index] = nowMs + pollIntervalMs;
                    break;
                }
                records.addAll(result.records());
                dueAt[index] = result.caughtUp() ? nowMs + pollIntervalMs : nowMs;
                track(index, result);
            }
        }
        if (records.isEmpty()) {
            waitForNextDue();
        }
        return records;
    }

    private QueryResult timed(Querier querier, Connection connection, long nowMs, long untilMs) {
        long started = System.nanoTime();
        QueryResult result = querier.poll(connection, nowMs, untilMs);
        metrics.read(result.records().size(), System.nanoTime() - started);
        return result;
    }

    /** Reports how far the querier at {@code index}, and so the task, trails the newest rows. */
    private void track(int index, QueryResult result) {
        if (result.caughtUp()) {
            behindSince[index] = Long.MAX_VALUE;
        } else {
            for (SourceRecord record : result.records()) {
                Long timestamp = record.timestamp();
                if (timestamp != null && (behindSince[index] == Long.MAX_VALUE || timestamp > behindSince[index])) {
                    behindSince[index] = timestamp;
                }
            }
        }
        long oldest = Long.MAX_VALUE;
        for (long since : behindSince) {
            if (since == Long.MIN_VALUE) {
                // A querier that has read nothing yet: how far it trails is not known.
                return;
            }
            oldest = Math.min(oldest, since);
        }
        if (oldest == Long.MAX_VALUE) {
            metrics.caughtUp();
        } else {
            metrics.behindSince(oldest);
        }
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

    private void closeQueriers() {
        queriers.forEach(Querier::close);
        session.close();
    }
}
