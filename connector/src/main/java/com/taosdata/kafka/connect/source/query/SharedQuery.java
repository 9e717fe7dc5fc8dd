package com.taosdata.kafka.connect.source.query;

import com.taosdata.kafka.connect.connection.SqlExceptionTranslator;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.source.format.DriverValues;
import com.taosdata.kafka.connect.source.format.Row;
import com.taosdata.kafka.connect.source.format.RowFormatter;
import com.taosdata.kafka.connect.source.format.RowRecords;
import com.taosdata.kafka.connect.source.table.TableSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * One query per window over several subtables of a super table ({@link StableSql}): the window's rows are streamed
 * as the driver fetches them, {@code fetch.max.rows} rows per step, and each row is handed out only if it lies past
 * its subtable's own position. A window starts at the lowest position, so every row past a subtable's position is in
 * it, however late it was written; rows up to a subtable's position are skipped (by count at the position's timestamp
 * when rows share it). Windows are sized by {@link WindowSizer}.
 *
 * <p>A subtable that got no row while the others moved on would hold that lower bound back and make every window
 * re-read the others' rows: at the end of such a window it leaves ({@link Step#left}), to be read on its own.
 */
final class SharedQuery implements AutoCloseable {

    /** What one step gave: records, and the subtables that left the query, with their positions. */
    record Step(List<SourceRecord> records, Map<String, TablePosition> left) {
        static final Step NOTHING = new Step(List.of(), Map.of());
    }

    private final TableDescriber describer;
    private final Long start;
    private final int fetchMaxRows;
    private final long pollIntervalMs;
    private final String topic;
    private final RowFormatter formatter;
    private final WindowSizer sizer;
    private TableSchema schema;
    private StableSql sql;
    private final SubtablePositions tables = new SubtablePositions();
    private final Map<String, Map<String, String>> partitions = new HashMap<>();
    private SharedWindow window;
    private long dueMs;
    private boolean redescribed;

    SharedQuery(TableSchema schema, TableDescriber describer, QuerySettings settings) {
        this.schema = schema;
        this.sql = new StableSql(schema);
        this.describer = describer;
        this.start = settings.start();
        this.fetchMaxRows = settings.fetchMaxRows();
        this.pollIntervalMs = settings.pollIntervalMs();
        this.topic = settings.topics().topicFor(schema.measurement());
        this.formatter = settings.formatter();
        this.sizer = new WindowSizer(settings.windowRows(), settings.interval());
    }

    String describe() {
        return "subtables of " + schema.database() + "." + schema.measurement();
    }

    /** The super table as last described. */
    TableSchema schema() {
        return schema;
    }

    /** Adds a subtable, read from {@code position} ({@code null}: from the start). */
    void add(String table, TablePosition position) {
        tables.add(table, position);
    }

    /** The position a subtable read on its own must have reached to join ({@link SubtablePositions#lowest}). */
    Long lowestPosition() {
        return tables.lowest();
    }

    /** Whether a window is open, so that the next step reads on from it. */
    boolean isOpen() {
        return window != null;
    }

    boolean isDue(long nowMs) {
        return window != null || dueMs <= nowMs;
    }

    /** Closes the open window if it belongs to another connection: the caller reconnected after a failure. */
    void keepTo(Connection connection) {
        if (window != null && window.connection != connection) {
            closeWindow();
        }
    }

    /** One step: opens the next window up to {@code untilMs} if none is open, then reads on. */
    Step poll(Connection connection, long nowMs, long untilMs) {
        if (window == null && !open(connection, nowMs, schema.precision().fromMillis(untilMs))) {
            return Step.NOTHING;
        }
        try {
            return readWindow(nowMs);
        } catch (SchemaChanged changed) {
            closeWindow();
            if (redescribed) {
                throw TDengineException.transientFailure(
                        "the columns of " + schema.database() + "." + schema.measurement()
                                + " changed while they were read",
                        changed);
            }
            // A column was added or dropped since the super table was described: describe it again, then re-query.
            redescribed = true;
            schema = describer.describe(connection);
            sql = new StableSql(schema);
            dueMs = nowMs;
            return Step.NOTHING;
        }
    }

    /** Opens the next window; false when there is nothing to read up to {@code until}. */
    private boolean open(Connection connection, long nowMs, long until) {
        if (tables.isEmpty()) {
            dueMs = nowMs + pollIntervalMs;
            return false;
        }
        QueryBounds from = tables.lowerBound(start, schema.compositeKey().isPresent(), until);
        if (sizer.needsCount() && !count(connection, from)) {
            dueMs = nowMs + pollIntervalMs;
            return false;
        }
        long upper = sizer.upper(from.lower(), until);
        QueryBounds bounds = new QueryBounds(from.lower(), from.lowerInclusive(), 0, upper);
        Map<String, Long> skip = schema.compositeKey().isPresent() ? tables.sentAtPositions() : Map.of();
        Statement statement = null;
        try {
            statement = connection.createStatement();
            statement.setFetchSize(fetchMaxRows);
            ResultSet rows = statement.executeQuery(sql.rows(tables.names(), bounds));
            window = new SharedWindow(connection, statement, rows, upper, upper >= until, skip);
            return true;
        } catch (SQLException e) {
            SharedWindow.closeQuietly(statement);
            throw SqlExceptionTranslator.translate("querying " + describe(), e);
        }
    }

    /** Counts the rows from {@code from} on to size the next window; false when no row lies ahead. */
    private boolean count(Connection connection, QueryBounds from) {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql.count(tables.names(), from))) {
            if (!result.next()) {
                return false;
            }
            long rows = ((Number) DriverValues.normalize(result.getObject(1))).longValue();
            if (rows == 0) {
                return false;
            }
            sizer.counted(from.lower(), rows, timestampOf(result.getObject(2)), timestampOf(result.getObject(3)));
            return true;
        } catch (SQLException e) {
            throw SqlExceptionTranslator.translate("counting the rows ahead in " + describe(), e);
        }
    }

    private long timestampOf(Object driverValue) {
        Object[] raw = new Object[schema.columns().size()];
        raw[0] = DriverValues.normalize(driverValue);
        return Row.fromDriver(schema, schema.measurement(), raw).timestamp();
    }

    private Step readWindow(long nowMs) {
        SharedWindow w = window;
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
                    member = tables.contains(table);
                    position = moved.containsKey(table) ? moved.get(table) : tables.position(table);
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
        tables.moved(moved);
        w.moved.addAll(moved.keySet());
        w.handedOut += records.size();
        return new Step(records, ended ? finishWindow(nowMs) : Map.of());
    }

    /** Whether a row of {@code table} at {@code ts} lies past the table's position (or start). */
    private boolean isNew(SharedWindow w, String table, TablePosition position, long ts) {
        if (position == null) {
            return start == null || ts >= start;
        }
        if (ts != position.timestamp()) {
            return ts > position.timestamp();
        }
        // Without a composite key a subtable has one row per timestamp, and that one was sent.
        return schema.compositeKey().isPresent() && !w.sentBefore(table);
    }

    /** Closes the window that was read to its end; returns the subtables that leave to be read on their own. */
    private Map<String, TablePosition> finishWindow(long nowMs) {
        SharedWindow w = window;
        closeWindow();
        List<String> idle = tables.idle(w.moved, w.upper);
        boolean othersMoved = idle.size() < tables.size();
        boolean wasteful = w.skipped > Math.max(w.handedOut, tables.size());
        Map<String, TablePosition> left = new LinkedHashMap<>();
        if (!idle.isEmpty() && othersMoved && (!w.reachedUntil || wasteful)) {
            for (String table : idle) {
                left.put(table, tables.remove(table));
            }
        }
        if (w.reachedUntil) {
            dueMs = nowMs + pollIntervalMs;
        } else {
            dueMs = nowMs;
            if (w.read == 0 || !othersMoved) {
                // A gap in the data, or nothing new from where the window started: count again from the lower bound.
                sizer.recount();
            } else {
                sizer.held(w.read);
            }
        }
        return left;
    }

    private Map<String, String> partition(String table) {
        return partitions.computeIfAbsent(table, t -> SourcePartitions.table(schema.database(), t));
    }

    private void closeWindow() {
        if (window != null) {
            window.close();
            window = null;
        }
    }

    @Override
    public void close() {
        closeWindow();
    }

    /** The result is wider or narrower than the described super table. */
    private static final class SchemaChanged extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SchemaChanged() {
            super(null, null, false, false);
        }
    }
}
