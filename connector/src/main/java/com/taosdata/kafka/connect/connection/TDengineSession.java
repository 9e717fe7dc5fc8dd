package com.taosdata.kafka.connect.connection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to one database (or to none), opened when first needed and dropped after a transient failure so the
 * caller's retry reconnects instead of reusing a broken socket. Every connection the connectors keep open lives in one:
 * the source tasks' and table monitor's, the sink's schemaless writes per database, its database creation.
 */
public final class TDengineSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TDengineSession.class);

    private final ConnectionFactory factory;
    private final String database;
    private Connection connection;

    public TDengineSession(ConnectionFactory factory, String database) {
        this.factory = factory;
        this.database = database;
    }

    /**
     * Runs {@code call} on the connection; a transient failure drops the connection before it is rethrown, so the
     * caller's retry runs on a new one.
     */
    public <T> T call(Function<Connection, T> call) {
        try {
            return call.apply(get());
        } catch (TDengineException e) {
            if (e.kind() == ErrorKind.TRANSIENT) {
                reset();
            }
            throw e;
        }
    }

    public synchronized Connection get() {
        if (connection == null) {
            connection = factory.open(database);
        }
        return connection;
    }

    /** Drops the connection after a failure; the next {@link #get} opens a new one. */
    public synchronized void reset() {
        close();
    }

    @Override
    public synchronized void close() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            // Closing a broken connection fails often; it is being discarded either way, so the failure only matters
            // for diagnosis.
            log.warn("Closing the TDengine connection failed: {}", e.getMessage());
        } finally {
            connection = null;
        }
    }
}
