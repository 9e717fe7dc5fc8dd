package com.taosdata.kafka.connect.testing;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * A JDBC connection whose queries are answered by a function of the SQL text, recording every statement sent.
 * Answers are lists of rows (column values by position), or an exception to throw.
 */
public final class FakeJdbc {

    private final List<String> statements = new ArrayList<>();
    private final Deque<Object> scripted = new ArrayDeque<>();
    private Function<String, List<Object[]>> answers = sql -> List.of();

    public FakeJdbc answering(Function<String, List<Object[]>> answers) {
        this.answers = answers;
        return this;
    }

    /** The next query returns {@code rows} instead of asking the answer function. */
    public FakeJdbc thenRows(List<Object[]> rows) {
        scripted.addLast(rows);
        return this;
    }

    /** The next query fails with {@code failure}. */
    public FakeJdbc thenFail(SQLException failure) {
        scripted.addLast(failure);
        return this;
    }

    public List<String> statements() {
        return statements;
    }

    public String lastStatement() {
        return statements.get(statements.size() - 1);
    }

    public Connection connection() {
        try {
            Connection connection = mock(Connection.class);
            when(connection.createStatement()).thenAnswer(invocation -> statement());
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Statement statement() throws SQLException {
        Statement statement = mock(Statement.class);
        when(statement.executeQuery(anyString())).thenAnswer(invocation -> {
            String sql = invocation.getArgument(0);
            statements.add(sql);
            Object next = scripted.pollFirst();
            if (next instanceof SQLException) {
                throw (SQLException) next;
            }
            return resultSet(next == null ? answers.apply(sql) : (List<Object[]>) next);
        });
        when(statement.execute(anyString())).thenAnswer(invocation -> {
            statements.add(invocation.getArgument(0));
            Object next = scripted.pollFirst();
            if (next instanceof SQLException) {
                throw (SQLException) next;
            }
            return false;
        });
        return statement;
    }

    public static ResultSet resultSet(List<Object[]> rows) throws SQLException {
        ResultSet resultSet = mock(ResultSet.class);
        int[] cursor = {-1};
        when(resultSet.next()).thenAnswer(invocation -> ++cursor[0] < rows.size());
        ResultSetMetaData metaData = mock(ResultSetMetaData.class);
        when(metaData.getColumnCount()).thenAnswer(invocation -> rows.isEmpty() ? 0 : rows.get(0).length);
        when(resultSet.getMetaData()).thenReturn(metaData);
        when(resultSet.getObject(anyInt())).thenAnswer(invocation -> value(rows, cursor[0], invocation.getArgument(0)));
        when(resultSet.getString(anyInt())).thenAnswer(invocation -> {
            Object value = value(rows, cursor[0], invocation.getArgument(0));
            return value == null ? null : value.toString();
        });
        when(resultSet.getInt(anyInt())).thenAnswer(invocation -> {
            Object value = value(rows, cursor[0], invocation.getArgument(0));
            return value == null ? 0 : ((Number) value).intValue();
        });
        return resultSet;
    }

    private static Object value(List<Object[]> rows, int row, int column) {
        return rows.get(row)[column - 1];
    }
}
