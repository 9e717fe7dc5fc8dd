package com.taosdata.kafka.connect.sink.table;

import com.taosdata.kafka.connect.connection.ConnectionFactory;
import com.taosdata.kafka.connect.connection.ErrorCodes;
import com.taosdata.kafka.connect.connection.SqlExceptionTranslator;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.connection.TDengineSession;
import com.taosdata.kafka.connect.naming.Identifiers;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link SqlRunner} over taos-jdbcdriver, the same on every transport. Statements name their database, so one
 * session without a current database serves every target database.
 */
public final class JdbcSqlRunner implements SqlRunner {

    private final TDengineSession session;

    public JdbcSqlRunner(ConnectionFactory connections) {
        this.session = new TDengineSession(connections, null);
    }

    @Override
    public void execute(String sql) {
        session.call(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(sql);
                return null;
            } catch (SQLException e) {
                throw SqlExceptionTranslator.translate(what(sql), e);
            }
        });
    }

    @Override
    public Optional<List<StableColumn>> describe(String database, String table) {
        String sql = "DESCRIBE " + Identifiers.quote(database) + "." + Identifiers.quote(table);
        try {
            return Optional.of(session.call(connection -> {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery(sql)) {
                    List<StableColumn> columns = new ArrayList<>();
                    while (rows.next()) {
                        columns.add(new StableColumn(
                                rows.getString(1),
                                ColumnType.described(rows.getString(2), rows.getInt(3)),
                                "TAG".equalsIgnoreCase(rows.getString(4))));
                    }
                    return columns;
                } catch (SQLException e) {
                    throw SqlExceptionTranslator.translate(sql, e);
                }
            }));
        } catch (TDengineException e) {
            if (ErrorCodes.isTableGone(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The statement's start: an INSERT of thousands of rows would flood the error message. */
    private static String what(String sql) {
        return sql.length() <= 200 ? sql : sql.substring(0, 200) + "… (" + sql.length() + " characters)";
    }

    @Override
    public void close() {
        session.close();
    }
}
