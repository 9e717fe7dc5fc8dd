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
 * Opens JDBC connections to TDengine over the transport the URL names, one attempt each: the caller's
 * {@link RetryPolicy} retries the whole operation, opening the connection included, so that one layer owns the
 * retries of an operation. Drivers are instantiated directly rather than looked up in {@code DriverManager}, which
 * does not see drivers that live in a Connect plugin's classloader.
 */
public final class ConnectionFactory {

    private final TDengineUrl url;
    private final String user;
    private final Password password;
    private final Function<Transport, Driver> drivers;

    public ConnectionFactory(TDengineUrl url, String user, Password password) {
        this(url, user, password, ConnectionFactory::driver);
    }

    /** With the drivers given, so tests can stand in for a native client library whatever the machine has. */
    ConnectionFactory(TDengineUrl url, String user, Password password, Function<Transport, Driver> drivers) {
        this.drivers = drivers;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public TDengineUrl url() {
        return url;
    }

    /**
     * Fails, as no retry will help, when the URL needs the native client library and this worker has none. Opening a
     * connection checks it; a task that opens its connections later calls it at start, on the worker it runs on.
     */
    public void requireClient() {
        if (url.transport() == Transport.NATIVE && !NativeClient.isAvailable()) {
            throw new TDengineException(0, ErrorKind.FATAL, NativeClient.missingMessage(url), null);
        }
    }

    /** A connection whose current database is {@code database} ({@code null} for none). */
    public Connection open(String database) {
        requireClient();
        return connectOnce(database);
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
            throw SqlExceptionTranslator.translate("connecting to " + url, e);
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
