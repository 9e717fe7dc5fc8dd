package com.taosdata.kafka.connect.source.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.taosdata.kafka.connect.connection.ErrorCodes;
import com.taosdata.kafka.connect.connection.SqlExceptionTranslator;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.source.format.DriverValues;
import com.taosdata.kafka.connect.source.format.Row;
import com.taosdata.kafka.connect.source.format.RowFormatter;
import com.taosdata.kafka.connect.source.format.RowRecords;
import com.taosdata.kafka.connect.source.table.TableSchema;

/**
 * Reads a task's subtables of one super table with one query per window instead of one query per subtable and page
 * ({@link StableSql}): the window's rows are streamed as the driver fetches them, {@code fetch.max.rows} rows per
 * step, and each row is handed out only if it lies past its subtable's own position. Windows are sized by rows: the
 * first span comes from counting the rows ahead, later ones from the rows the previous window held.
 *
 * <p>Exactness rests on per-subtable positions, as with one query per subtable: a window starts at the lowest
 * position, so every row past a subtable's position is in it, however late it was written; rows up to a subtable's
 * position are skipped (by count at the position's timestamp when rows share it). A subtable that gets no rows while
 * the others move on would hold that lower bound back and make every window re-read the others' rows, so it leaves
 * the shared query and is read on its own ({@link TableQuerier}) until its position passes the shared lower bound
 * again; so do subtables that have no position yet while others have one.
 */
public final class StableQuerier implements Querier {

    private static final Logger log = LoggerFactory.getLogger(StableQuerier.class);

    /** Rows a window is sized to hold: a few round trips' worth of driver blocks, few enough for REST's single response. */
    public static final int WINDOW_ROWS = 50_000;

    /** Reads one subtable on its own, from {@code position} ({@code null}: from the start). */
    @FunctionalInterface
    public interface Solo {
        TableQuerier create(String table, TableSchema schema, TablePosition position);
    }

    private final String stable;
    private final TableDescriber describer;
    private final Solo solo;
    private final Long start;
    private final long interval;
    private final int fetchMaxRows;
    private final int windowRows;
    private final long pollIntervalMs;
    private final String topic;
    private final RowFormatter formatter;
    private TableSchema schema;
    private StableSql sql;

    private final Set<String> shared = new TreeSet<>();
    private final Map<String, TablePosition> positions = new HashMap<>();
    private final Deque<Alone> alone = new ArrayDeque<>();
    private final Map<String, Map<String, String>> partitions = new HashMap<>();
    private Window window;
    private Long span;
    /** Just before the first row, for windows without lower bound: set by the count that sized them. */
    private long firstBase;
    private long sharedDueMs;
    private boolean aloneTurn;
    private boolean redescribed;

    /**
     * @param tables   the subtables, each with its stored position or {@code null}
     * @param start    first timestamp to read for a subtable without position ({@code timestamp.initial}), or null
     * @param interval longest window span in the database's precision ({@code query.interval.ms}); 0 for none
     */
    public StableQuerier(TableSchema schema, Map<String, TablePosition> tables, TableDescriber describer,
                         Solo solo, Long start, long interval, int fetchMaxRows, int windowRows, long pollIntervalMs,
                         String topic, RowFormatter formatter) {
        this.stable = schema.measurement();
        this.schema = schema;
        this.sql = new StableSql(schema);
        this.describer = describer;
        this.solo = solo;
        this.start = start;
        this.interval = interval;
        this.fetchMaxRows = fetchMaxRows;
        this.windowRows = windowRows;
        this.pollIntervalMs = pollIntervalMs;
        this.topic = topic;
        this.formatter = formatter;
        boolean anyPosition = tables.values().stream().anyMatch(p -> p != null);
        tables.forEach((table, position) -> {
            if (position == null && anyPosition) {
                // Sharing the window would take every other subtable back to the start.
                alone.add(new Alone(solo.create(table, schema, null)));
            } else {
                shared.add(table);
                positions.put(table, position);
            }
        });
    }

    @Override
    public String describe() {
        return "subtables of " + schema.database() + "." + stable;
    }

    /** The subtables read by the shared query now, for tests and logs. */
    Set<String> shared() {
        return Set.copyOf(shared);
    }

    @Override
    public QueryResult poll(Connection connection, long nowMs) {
        if (window != null && window.connection != connection) {
            // The caller reconnected after a failure: the open result belonged to the old connection.
            closeWindow();
        }
        boolean sharedDue = window != null || sharedDueMs <= nowMs;
        Alone due = nextDueAlone(nowMs);
        List<SourceRecord> records;
        if (due != null && (aloneTurn || !sharedDue)) {
            records = pollAlone(due, connection, nowMs);
        } else if (sharedDue) {
            records = pollShared(connection, nowMs);
        } else {
            records = List.of();
        }
        aloneTurn = !aloneTurn;
        return new QueryResult(records, caughtUp(nowMs));
    }

    private boolean caughtUp(long nowMs) {
        return window == null && sharedDueMs > nowMs && nextDueAlone(nowMs) == null;
    }

    private Alone nextDueAlone(long nowMs) {
        for (Alone candidate : alone) {
            if (candidate.dueMs <= nowMs) {
                return candidate;
            }
        }
        return null;
    }

    private List<SourceRecord> pollAlone(Alone table, Connection connection, long nowMs) {
        // Round-robin among the subtables read alone.
        alone.remove(table);
        alone.addLast(table);
        QueryResult result;
        try {
            result = table.querier.poll(connection, nowMs);
        } catch (TDengineException e) {
            if (!ErrorCodes.isTableGone(e.code())) {
                throw e;
            }
            log.warn("Table {} no longer exists ({}); skipping it until the tasks are reconfigured",
                    table.querier.table(), e.getMessage());
            table.dueMs = nowMs + pollIntervalMs;
            return List.of();
        }
        table.dueMs = result.caughtUp() ? nowMs + pollIntervalMs : nowMs;
        return result.records();
    }

    private List<SourceRecord> pollShared(Connection connection, long nowMs) {
        long now = schema.precision().fromMillis(nowMs);
        if (window == null && !open(connection, nowMs, now)) {
            return List.of();
        }
        try {
            return readWindow(nowMs);
        } catch (SchemaChanged changed) {
            closeWindow();
            if (redescribed) {
                throw TDengineException.transientFailure("the columns of " + schema.database() + "." + stable
                        + " changed while they were read", changed);
            }
            // A column was added or dropped since the super table was described: describe it again, then re-query.
            redescribed = true;
            schema = describer.describe(connection);
            sql = new StableSql(schema);
            sharedDueMs = nowMs;
            return List.of();
        }
    }

    /** Opens the next window; false when there is nothing to read before now. */
    private boolean open(Connection connection, long nowMs, long now) {
        joinAloneTablesThatCaughtUp();
        if (shared.isEmpty()) {
            sharedDueMs = nowMs + pollIntervalMs;
            return false;
        }
        QueryBounds from = lowerBound(now);
        if (span == null) {
            Long estimate = estimateSpan(connection, from);
            if (estimate == null) {
                sharedDueMs = nowMs + pollIntervalMs;
                return false;
            }
            span = estimate;
        }
        long base = from.lower() == null ? firstBase : from.lower();
        long upper = span >= now - base ? now : base + span;
        QueryBounds bounds = new QueryBounds(from.lower(), from.lowerInclusive(), 0, upper);
        Map<String, Long> skip = new HashMap<>();
        if (schema.compositeKey().isPresent()) {
            positions.forEach((table, position) -> {
                if (position != null) {
                    skip.put(table, position.rowsAtTimestamp());
                }
            });
        }
        Statement statement = null;
        try {
            statement = connection.createStatement();
            statement.setFetchSize(fetchMaxRows);
            ResultSet rows = statement.executeQuery(sql.rows(shared, bounds));
            window = new Window(connection, statement, rows, upper, upper >= now, skip);
            return true;
        } catch (SQLException e) {
            closeQuietly(statement);
            throw SqlExceptionTranslator.translate("querying " + describe(), e);
        }
    }

    /** The lowest position of the shared subtables: every row past any of their positions lies above it. */
    private QueryBounds lowerBound(long now) {
        TablePosition lowest = null;
        boolean unread = false;
        for (String table : shared) {
            TablePosition position = positions.get(table);
            if (position == null) {
                unread = true;
            } else if (lowest == null || position.timestamp() < lowest.timestamp()) {
                lowest = position;
            }
        }
        if (unread) {
            Long lower = start == null ? null : lowest == null ? start : Math.min(start, lowest.timestamp());
            return new QueryBounds(lower, true, 0, now);
        }
        return new QueryBounds(lowest.timestamp(), schema.compositeKey().isPresent(), 0, now);
    }

    /** A span holding about {@code windowRows} rows from {@code from}, or null when no row lies ahead. */
    private Long estimateSpan(Connection connection, QueryBounds from) {
        long rows;
        long first;
        long last;
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql.count(shared, from))) {
            if (!result.next()) {
                return null;
            }
            rows = ((Number) DriverValues.normalize(result.getObject(1))).longValue();
            if (rows == 0) {
                return null;
            }
            first = timestampOf(result.getObject(2));
            last = timestampOf(result.getObject(3));
        } catch (SQLException e) {
            throw SqlExceptionTranslator.translate("counting the rows ahead in " + describe(), e);
        }
        firstBase = first - 1;
        long base = from.lower() == null ? firstBase : from.lower();
        long estimate = rows <= windowRows ? Long.MAX_VALUE
                : Math.max(1, (long) ((double) (last - base) * windowRows / rows));
        return interval > 0 ? Math.min(interval, estimate) : estimate;
    }

    private long timestampOf(Object driverValue) {
        Object[] raw = new Object[schema.columns().size()];
        raw[0] = DriverValues.normalize(driverValue);
        return Row.fromDriver(schema, stable, raw).timestamp();
    }

    private List<SourceRecord> readWindow(long nowMs) {
        Window w = window;
        int width = schema.columns().size();
        List<SourceRecord> records = new ArrayList<>();
        // Kept apart until the step succeeds: a step that fails half way hands out nothing and moves no position.
        Map<String, TablePosition> moved = new HashMap<>();
        boolean ended = false;
        // A subtable's rows come together: its state is looked up once per run of its rows, not per row.
        String table = null;
        boolean member = false;
        boolean advanced = false;
        TablePosition position = null;
        Map<String, String> partition = null;
        try {
            for (int fetched = 0; fetched < fetchMaxRows; fetched++) {
                if (!w.rows.next()) {
                    ended = true;
                    break;
                }
                if (w.read++ == 0) {
                    if (w.rows.getMetaData().getColumnCount() != width + 1) {
                        throw new SchemaChanged();
                    }
                    redescribed = false;
                }
                String rowTable = w.rows.getString(width + 1);
                if (!rowTable.equals(table)) {
                    if (advanced) {
                        moved.put(table, position);
                    }
                    advanced = false;
                    table = rowTable;
                    member = shared.contains(table);
                    position = moved.containsKey(table) ? moved.get(table) : positions.get(table);
                    partition = member ? partition(table) : null;
                }
                if (!member) {
                    w.skipped++;
                    continue;
                }
                Object[] raw = new Object[width];
                for (int i = 0; i < width; i++) {
                    raw[i] = DriverValues.normalize(w.rows.getObject(i + 1));
                }
                Row row = Row.fromDriver(schema, table, raw);
                if (!isNew(w, table, position, row.timestamp())) {
                    w.skipped++;
                    continue;
                }
                position = position == null ? TablePosition.first(row.timestamp()) : position.advance(row.timestamp());
                advanced = true;
                records.add(RowRecords.create(partition, position.toOffset(schema.precision()), topic, row, formatter));
            }
            if (advanced) {
                moved.put(table, position);
            }
        } catch (SQLException e) {
            closeWindow();
            throw SqlExceptionTranslator.translate("querying " + describe(), e);
        } catch (RuntimeException e) {
            closeWindow();
            throw e;
        }
        positions.putAll(moved);
        w.moved.addAll(moved.keySet());
        w.handedOut += records.size();
        if (ended) {
            finishWindow(nowMs);
        }
        return records;
    }

    /** Whether a row of {@code table} at {@code ts} lies past the table's position (or start). */
    private boolean isNew(Window w, String table, TablePosition position, long ts) {
        if (position == null) {
            return start == null || ts >= start;
        }
        if (ts != position.timestamp()) {
            return ts > position.timestamp();
        }
        if (schema.compositeKey().isEmpty()) {
            // Without a composite key a subtable has one row per timestamp, and that one was sent.
            return false;
        }
        long left = w.skip.getOrDefault(table, 0L);
        if (left == 0) {
            return true;
        }
        w.skip.put(table, left - 1);
        return false;
    }

    private void finishWindow(long nowMs) {
        Window w = window;
        closeWindow();
        Set<String> idle = new HashSet<>();
        for (String table : shared) {
            TablePosition position = positions.get(table);
            if (!w.moved.contains(table) && (position == null || position.timestamp() < w.upper)) {
                idle.add(table);
            }
        }
        boolean othersMoved = idle.size() < shared.size();
        boolean wasteful = w.skipped > Math.max(w.handedOut, shared.size());
        if (!idle.isEmpty() && othersMoved && (!w.reachedNow || wasteful)) {
            readAlone(idle);
        }
        if (w.reachedNow) {
            sharedDueMs = nowMs + pollIntervalMs;
            return;
        }
        sharedDueMs = nowMs;
        long rows = w.read;
        if (rows == 0 || !othersMoved) {
            // A gap in the data, or nothing new from where the window started: count again from the lower bound.
            span = null;
        } else {
            long resized = (long) Math.min((double) span * windowRows / rows, (double) span * 8);
            span = Math.max(Math.max(1, span / 8), resized);
            if (interval > 0) {
                span = Math.min(span, interval);
            }
        }
    }

    /** Subtables that got no row while the others moved on: each is read alone until it catches up. */
    private void readAlone(Collection<String> tables) {
        log.debug("{} subtables of {} had no rows in the last window; reading them on their own", tables.size(), stable);
        for (String table : tables) {
            shared.remove(table);
            alone.add(new Alone(solo.create(table, schema, positions.remove(table))));
        }
    }

    /** Subtables read alone rejoin the shared query once their position is no lower than its lower bound. */
    private void joinAloneTablesThatCaughtUp() {
        Long lowest = null;
        for (String table : shared) {
            TablePosition position = positions.get(table);
            if (position == null) {
                // Unread subtables share a window that starts at the beginning: anyone may join.
                lowest = Long.MIN_VALUE;
                break;
            }
            lowest = lowest == null ? position.timestamp() : Math.min(lowest, position.timestamp());
        }
        Iterator<Alone> it = alone.iterator();
        while (it.hasNext()) {
            TableQuerier querier = it.next().querier;
            TablePosition position = querier.position();
            if (position != null && (lowest == null || position.timestamp() >= lowest)) {
                it.remove();
                shared.add(querier.table());
                positions.put(querier.table(), position);
            }
        }
    }

    private Map<String, String> partition(String table) {
        return partitions.computeIfAbsent(table, t -> SourcePartitions.table(schema.database(), t));
    }

    private void closeWindow() {
        if (window != null) {
            closeQuietly(window.statement);
            window = null;
        }
    }

    private static void closeQuietly(Statement statement) {
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

    @Override
    public void close() {
        closeWindow();
    }

    /** A subtable read on its own, and when it is due. */
    private static final class Alone {
        final TableQuerier querier;
        long dueMs;

        Alone(TableQuerier querier) {
            this.querier = querier;
        }
    }

    /** An open window: its result, and what reading it has shown so far. */
    private static final class Window {
        final Connection connection;
        final Statement statement;
        final ResultSet rows;
        final long upper;
        final boolean reachedNow;
        /** Composite keys: rows still to skip at each subtable's position timestamp (sent before this window). */
        final Map<String, Long> skip;
        final Set<String> moved = new HashSet<>();
        long read;
        long skipped;
        long handedOut;

        Window(Connection connection, Statement statement, ResultSet rows, long upper, boolean reachedNow,
               Map<String, Long> skip) {
            this.connection = connection;
            this.statement = statement;
            this.rows = rows;
            this.upper = upper;
            this.reachedNow = reachedNow;
            this.skip = skip;
        }
    }

    /** The result is wider or narrower than the described super table. */
    private static final class SchemaChanged extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SchemaChanged() {
            super(null, null, false, false);
        }
    }
}
