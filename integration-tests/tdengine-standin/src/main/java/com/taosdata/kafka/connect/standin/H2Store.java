package com.taosdata.kafka.connect.standin;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;

/** The embedded in-memory H2 database holding all rows, and the quoting every generated statement uses. */
public final class H2Store implements AutoCloseable {
    private final JdbcConnectionPool pool;

    public H2Store() {
        pool = JdbcConnectionPool.create(
                "jdbc:h2:mem:tdengine-standin-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        pool.setMaxConnections(64);
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    public void execute(String sql) {
        try (Connection c = connection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("H2 rejected generated DDL: " + sql, e);
        }
    }

    /** Quotes an identifier for H2; quoted identifiers keep their case, as TDengine's names need. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    public static String table(String db, String table) {
        return quote(db) + "." + quote(table);
    }

    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public void close() {
        try (Connection c = connection();
                Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // the database is going away either way
        }
        pool.dispose();
    }
}
