package com.taosdata.kafka.connect.sink.write;

import com.taosdata.kafka.connect.connection.ConnectionFactory;
import com.taosdata.kafka.connect.connection.DatabaseCatalog;
import com.taosdata.kafka.connect.connection.RetryPolicy;
import com.taosdata.kafka.connect.connection.Sleeper;
import com.taosdata.kafka.connect.connection.SqlExceptionTranslator;
import com.taosdata.kafka.connect.connection.TDengineSession;
import com.taosdata.kafka.connect.naming.Identifiers;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates each target database once per task ({@code CREATE DATABASE IF NOT EXISTS … PRECISION …}) and checks that an
 * existing one has the precision the data is written in. Runs on the sink's writer thread before the first write into
 * a database, never per batch, so its retries never hold up {@code put()}. The loser of a creation race gets "Database
 * in creating status" (0x80000396), a state TDengine leaves by itself: the {@link RetryPolicy} polls it again soon.
 */
public final class DatabaseInitializer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseInitializer.class);

    private static final RetryPolicy ONE_ATTEMPT = new RetryPolicy(0, 0, Sleeper.SYSTEM);

    private final TDengineSession session;
    private final RetryPolicy retry;
    private final TimestampUnit precision;
    private final boolean precisionMustMatch;
    private final Set<String> ready = new HashSet<>();

    /**
     * @param precisionMustMatch whether an existing database with another precision is an error: it is for line
     *                           protocol, whose timestamps are read in {@code precision}
     */
    public DatabaseInitializer(
            ConnectionFactory connections, RetryPolicy retry, TimestampUnit precision, boolean precisionMustMatch) {
        this.session = new TDengineSession(connections, null);
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
            log.info(
                    "could not prepare database {} ahead of the first write ({}); the first write tries again",
                    database,
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
        String create = "CREATE DATABASE IF NOT EXISTS " + Identifiers.quote(database) + " PRECISION "
                + Identifiers.literal(precision.configValue());
        retry.call("creating database " + database, () -> session.call(connection -> execute(connection, create)));
        TimestampUnit existing = retry.call(
                        "reading the precision of database " + database,
                        () -> session.call(connection -> DatabaseCatalog.precision(connection, database)))
                .orElseThrow(() -> new ConnectException(
                        "database " + database + " does not exist right after it was " + "created"));
        if (precisionMustMatch && existing != precision) {
            throw new ConnectException("database " + database + " has precision '" + existing.configValue()
                    + "' but data.precision is '" + precision.configValue() + "': line protocol timestamps would be "
                    + "stored wrongly. Set data.precision=" + existing.configValue()
                    + " or write into another database");
        }
        log.info("database {} ready (precision {})", database, existing.configValue());
        ready.add(database);
    }

    private static Void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return null;
        } catch (SQLException e) {
            throw SqlExceptionTranslator.translate("executing " + sql, e);
        }
    }

    @Override
    public void close() {
        session.close();
    }
}
