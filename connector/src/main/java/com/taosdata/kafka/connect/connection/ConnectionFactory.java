package com.taosdata.kafka.connect.connection;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.Function;

import org.apache.kafka.common.config.types.Password;

import com.taosdata.jdbc.TSDBDriver;
import com.taosdata.jdbc.rs.RestfulDriver;
import com.taosdata.jdbc.ws.WebSocketDriver;

/**
 * Opens JDBC connections to TDengine over the transport the URL names, retrying transient failures
 * {@code connection.attempts} times, or once only ({@link #singleAttempt()}) for callers that retry the whole operation
 * themselves. Drivers are instantiated directly rather than looked up in
 * {@code DriverManager}, which does not see drivers that live in a Connect plugin's classloader.
 */
public final class ConnectionFactory {

    private final TDengineUrl url;
    private final String user;
    private final Password password;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Function<Transport, Driver> drivers;

    public ConnectionFactory(TDengineUrl url, String user, Password password, int attempts, long backoffMs, Sleeper sleeper) {
        this(url, user, password, attempts, backoffMs, sleeper, ConnectionFactory::driver);
    }

    /** With the drivers given, so tests can stand in for a native client library whatever the machine has. */
    ConnectionFactory(TDengineUrl url, String user, Password password, int attempts, long backoffMs, Sleeper sleeper,
                      Function<Transport, Driver> drivers) {
        this.drivers = drivers;
        this.url = url;
        this.user = user;
        this.password = password;
        this.sleeper = sleeper;
        this.retry = new RetryPolicy(Math.max(0, attempts - 1), backoffMs, sleeper);
    }

    /**
     * The same connections, each opened in one attempt. For callers whose own {@link RetryPolicy} retries the operation
     * that opens the connection: retrying here as well would multiply the two budgets.
     */
    public ConnectionFactory singleAttempt() {
        return new ConnectionFactory(url, user, password, 1, 0, sleeper, drivers);
    }

    public TDengineUrl url() {
        return url;
    }

    /** A connection whose current database is {@code database} ({@code null} for none). */
    public Connection open(String database) {
        if (url.transport() == Transport.NATIVE && !NativeClient.isAvailable()) {
            throw new TDengineException(0, ErrorKind.FATAL, NativeClient.missingMessage(url), null);
        }
        return retry.call("connecting to " + url, () -> connectOnce(database));
    }

    private Connection connectOnce(String database) {
        Properties properties = new Properties();
        properties.setProperty(TSDBDriver.PROPERTY_KEY_USER, user);
        properties.setProperty(TSDBDriver.PROPERTY_KEY_PASSWORD, password.value());
        try {
            Connection connection = drivers.apply(url.transport()).connect(url.jdbcUrl(database), properties);
            if (connection == null) {
                throw new TDengineException(0, ErrorKind.FATAL, "no TDengine driver accepts " + url, null);
            }
            if (url.transport() == Transport.REST) {
                probe(connection);
            }
            return connection;
        } catch (SQLException e) {
            throw SqlErrors.translate("connecting to " + url, e);
        } catch (LinkageError e) {
            // libtaos is on the library path but cannot be loaded (wrong architecture, missing dependency):
            // no retry will change that.
            throw new TDengineException(0, ErrorKind.FATAL, "connecting to " + url + " failed: the TDengine client library "
                    + "could not be loaded (" + e + "); fix the client installation on this worker, or use the "
                    + "pure-Java WebSocket transport: jdbc:TAOS-WS://" + (url.host().isEmpty() ? "localhost" : url.host())
                    + ":6041", e);
        } catch (RuntimeException e) {
            // The drivers throw unchecked exceptions for unreachable hosts.
            if (e instanceof TDengineException) {
                throw (TDengineException) e;
            }
            throw TDengineException.transientFailure("connecting to " + url + " failed: " + e, e);
        }
    }

    /**
     * The REST driver connects lazily: its connect() succeeds even when taosAdapter is unreachable or the credentials
     * are wrong. One cheap statement (the one the driver's own isValid() runs) makes open() fail as the other
     * transports do, with TDengine's code.
     */
    private static void probe(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1").close();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static Driver driver(Transport transport) {
        return switch (transport) {
            case NATIVE -> new TSDBDriver();
            case WEBSOCKET -> new WebSocketDriver();
            case REST -> new RestfulDriver();
        };
    }
}
