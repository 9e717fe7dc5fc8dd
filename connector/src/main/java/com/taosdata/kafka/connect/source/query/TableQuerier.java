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
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Reads one table incrementally: each call queries the next window after the table's position, at most
 * {@code fetch.max.rows} rows, and returns them as records carrying the position after each row as their offset.
 * The position advances when rows are handed out; Connect commits the offset of a record only after Kafka
 * acknowledged it, so a restart resumes after the last row Kafka has.
 */
public final class TableQuerier implements Querier {

    private final String table;
    private final TableDescriber describer;
    private TableSchema schema;
    private QuerySql sql;
    private final WindowPlanner planner;
    private final int fetchMaxRows;
    private final String topic;
    private final Map<String, String> partition;
    private final RowFormatter formatter;
    private TablePosition position;
    private Long scannedTo;

    /**
     * @param schema   the table's columns and tags, or its super table's for a subtable
     * @param position where reading the table has got to, or {@code null} to read from the start
     */
    public TableQuerier(
            String table,
            TableSchema schema,
            TableDescriber describer,
            TablePosition position,
            QuerySettings settings) {
        this.table = table;
        this.schema = schema;
        this.describer = describer;
        this.sql = new QuerySql(schema, table);
        this.planner = new WindowPlanner(
                settings.start(), settings.interval(), schema.compositeKey().isPresent());
        this.position = position;
        this.fetchMaxRows = settings.fetchMaxRows();
        this.topic = settings.topics().topicFor(schema.measurement());
        this.partition = SourcePartitions.table(schema.database(), table);
        this.formatter = settings.formatter();
    }

    public String table() {
        return table;
    }

    @Override
    public String describe() {
        return "table " + table;
    }

    /** Where reading the table has got to: a subtable read on its own hands it back when it rejoins its super table's query. */
    public TablePosition position() {
        return position;
    }

    /** Queries the next window. */
    @Override
    public QueryResult poll(Connection connection, long nowMs, long untilMs) {
        long until = schema.precision().fromMillis(untilMs);
        if (planner.needsFirstTimestamp(position, scannedTo)) {
            Long first = firstTimestamp(connection);
            if (first == null) {
                return new QueryResult(List.of(), true);
            }
            scannedTo = first - 1;
        }
        QueryBounds bounds = planner.plan(position, scannedTo, until);
        QueryResult result;
        try {
            result = read(connection, bounds, until);
        } catch (SchemaChanged changed) {
            // A column was added or dropped since the table was described: describe it again and re-run the query.
            schema = describer.describe(connection);
            sql = new QuerySql(schema, table);
            try {
                result = read(connection, bounds, until);
            } catch (SchemaChanged again) {
                throw TDengineException.transientFailure(
                        "the columns of " + schema.database() + "." + table + " changed while they were read", again);
            }
        }
        return result;
    }

    private QueryResult read(Connection connection, QueryBounds bounds, long until) {
        long limit = fetchMaxRows + bounds.skip();
        List<SourceRecord> records = new ArrayList<>();
        int read = 0;
        long toSkip = bounds.skip();
        // Kept local until every row is read: a query that fails half way and is retried must not lose rows.
        TablePosition next = position;
        int width = schema.columns().size();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql.rows(bounds, limit))) {
            while (rows.next()) {
                if (read++ == 0 && rows.getMetaData().getColumnCount() != width) {
                    throw new SchemaChanged();
                }
                Object[] raw = new Object[width];
                for (int i = 0; i < width; i++) {
                    raw[i] = DriverValues.normalize(rows.getObject(i + 1));
                }
                Row row = Row.fromDriver(schema, table, raw);
                if (toSkip > 0 && bounds.lower() != null && row.timestamp() == bounds.lower()) {
                    toSkip--;
                    continue;
                }
                next = next == null ? TablePosition.first(row.timestamp()) : next.advance(row.timestamp());
                records.add(RowRecords.create(partition, next.toOffset(schema.precision()), topic, row, formatter));
            }
        } catch (SQLException e) {
            throw SqlExceptionTranslator.translate("querying " + schema.database() + "." + table, e);
        }
        position = next;
        boolean windowExhausted = read < limit;
        if (windowExhausted && planner.advancesPast(bounds, until)) {
            scannedTo = bounds.upper();
            return new QueryResult(records, false);
        }
        return new QueryResult(records, windowExhausted);
    }

    private Long firstTimestamp(Connection connection) {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql.firstTimestamp())) {
            if (!rows.next()) {
                return null;
            }
            Object[] raw = new Object[schema.columns().size()];
            raw[0] = DriverValues.normalize(rows.getObject(1));
            return Row.fromDriver(schema, table, raw).timestamp();
        } catch (SQLException e) {
            throw SqlExceptionTranslator.translate(
                    "reading the first timestamp of " + schema.database() + "." + table, e);
        }
    }

    /** The result is wider or narrower than the described table. */
    private static final class SchemaChanged extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SchemaChanged() {
            super(null, null, false, false);
        }
    }
}
