package com.taosdata.kafka.connect.standin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes rows into H2 with TDengine's update semantics.
 *
 * <p>A row whose timestamp already exists in the same (sub)table replaces the values of the columns it
 * carries and leaves the others as they were ("Data Ingestion" doc, section "Update": inserting
 * {@code (ts, current)} replaces only {@code current}). H2's {@code MERGE INTO … KEY (…)} does exactly that:
 * it updates only the listed columns of an existing row.
 *
 * <p>All rows of one request are written in one H2 transaction under the database's write lock.
 */
public final class RowWriter {
    /** One row for one table: the values of the columns it carries, by column name. */
    public record Row(TableDef table, Map<String, Object> values) {}

    private final H2Store h2;

    public RowWriter(H2Store h2) {
        this.h2 = h2;
    }

    public int write(Database db, List<Row> rows) {
        db.writeLock().lock();
        try (Connection c = h2.connection()) {
            c.setAutoCommit(false);
            Batch batch = new Batch(c);
            try {
                for (Row row : rows) {
                    batch.add(row);
                }
                batch.flush();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                batch.close();
            }
            return rows.size();
        } catch (SQLException e) {
            throw ServerError.TSC_INVALID_VALUE.error("write failed: " + e.getMessage());
        } finally {
            db.writeLock().unlock();
        }
    }

    /**
     * Consecutive rows with the same column list share one JDBC batch. A batch is flushed as soon as the column
     * list changes, so rows are applied in request order and a later row for the same timestamp still wins.
     */
    private static final class Batch {
        private final Connection connection;
        private String sql;
        private PreparedStatement statement;

        Batch(Connection connection) {
            this.connection = connection;
        }

        void add(Row row) throws SQLException {
            TableDef table = row.table();
            TableDef storage = table.storage();
            Map<String, Object> values = new LinkedHashMap<>();
            List<String> key = new ArrayList<>();
            if (table.kind() == TableDef.Kind.CHILD) {
                values.put(TableDef.TBNAME, table.name());
                key.add(TableDef.TBNAME);
                values.putAll(table.tagValues());
            }
            key.add(storage.timestampColumn().name());
            values.putAll(row.values());
            StringJoiner columns = new StringJoiner(", ");
            StringJoiner params = new StringJoiner(", ");
            for (String name : values.keySet()) {
                columns.add(H2Store.quote(name));
                params.add("?");
            }
            StringJoiner keys = new StringJoiner(", ");
            key.forEach(k -> keys.add(H2Store.quote(k)));
            String rowSql = "MERGE INTO " + H2Store.table(storage.database(), storage.name()) + " (" + columns
                    + ") KEY (" + keys + ") VALUES (" + params + ")";
            if (!rowSql.equals(sql)) {
                flush();
                close();
                sql = rowSql;
                statement = connection.prepareStatement(rowSql);
            }
            int i = 1;
            for (Object value : values.values()) {
                statement.setObject(i++, value);
            }
            statement.addBatch();
        }

        void flush() throws SQLException {
            if (statement != null) {
                statement.executeBatch();
            }
        }

        void close() throws SQLException {
            if (statement != null) {
                statement.close();
                statement = null;
            }
        }
    }
}
