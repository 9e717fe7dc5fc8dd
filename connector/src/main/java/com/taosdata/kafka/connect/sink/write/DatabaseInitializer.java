package com.taosdata.kafka.connect.sink.write;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.taosdata.kafka.connect.connection.ConnectionFactory;
import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.connection.Sleeper;
import com.taosdata.kafka.connect.connection.SqlErrors;
import com.taosdata.kafka.connect.naming.Identifiers;
import com.taosdata.kafka.connect.schemas.TimestampUnit;

/**
 * Creates each target database once per task ({@code CREATE DATABASE IF NOT EXISTS … PRECISION …}) and checks that an
 * existing one has the precision the data is written in. Runs on the sink's writer thread before the first write into
 * a database, never per batch, so its retries never hold up {@code put()}. The loser of a creation race gets "Database
 * in creating status" (0x80000396), a state TDengine leaves by itself: the {@link RetryPolicy} polls it again soon.
 */
public final class DatabaseInitializer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseInitializer.class);

    private static final RetryPolicy ONE_ATTEMPT = new RetryPolicy(0, 0, Sleeper.SYSTEM);

    private final ConnectionFactory connections;
    private final RetryPolicy retry;
    private final TimestampUnit precision;
    private final boolean precisionMustMatch;
    private final Set<String> ready = new HashSet<>();
    private Connection connection;

    /**
     * @param precisionMustMatch whether an existing database with another precision is an error: it is for line
     *                           protocol, whose timestamps are read in {@code precision}
     */
    public DatabaseInitializer(ConnectionFactory connections, RetryPolicy retry, TimestampUnit precision, boolean precisionMustMatch) {
        this.connections = connections;
        this.retry = retry;
        this.precision = precision;
        this.precisionMustMatch = precisionMustMatch;
    }

    /**
     * Creates {@code database} before any record arrived, so the first batch waits neither for it nor, when this is the
     * worker's first connection, for the client library to start. One attempt: a failure is only logged, because the
     * first write into the database goes through {@link #ensure}, whose retries report it.
     */
    public void prepare(String database) {
        try {
            ensure(database, ONE_ATTEMPT);
        } catch (ConnectException e) {
            log.info("could not prepare database {} ahead of the first write ({}); the first write tries again", database,
                    e.getMessage());
        }
    }

    public void ensure(String database) {
        ensure(database, retry);
    }

    private void ensure(String database, RetryPolicy retry) {
        if (ready.contains(database)) {
            return;
        }
        retry.call("creating database " + database, () -> {
            execute("CREATE DATABASE IF NOT EXISTS " + Identifiers.quote(database) + " PRECISION "
                    + Identifiers.literal(precision.configValue()));
            return null;
        });
        String existing = retry.call("reading the precision of database " + database, () -> precisionOf(database));
        if (precisionMustMatch && !precision.configValue().equalsIgnoreCase(existing)) {
            throw new ConnectException("database " + database + " has precision '" + existing + "' but data.precision is '"
                    + precision.configValue() + "': line protocol timestamps would be stored wrongly. Set data.precision="
                    + existing + " or write into another database");
        }
        log.info("database {} ready (precision {})", database, existing);
        ready.add(database);
    }

    private void execute(String sql) {
        try (Statement statement = connection().createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            dropConnection();
            throw SqlErrors.translate("executing " + sql, e);
        }
    }

    private String precisionOf(String database) {
        String sql = "SELECT `precision` FROM information_schema.ins_databases WHERE name = " + Identifiers.literal(database);
        try (Statement statement = connection().createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                throw new ConnectException("database " + database + " does not exist right after it was created");
            }
            return rows.getString(1);
        } catch (SQLException e) {
            dropConnection();
            throw SqlErrors.translate("executing " + sql, e);
        }
    }

    private Connection connection() {
        if (connection == null) {
            connection = connections.open(null);
        }
        return connection;
    }

    private void dropConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing a failed connection", e);
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        dropConnection();
    }
}
