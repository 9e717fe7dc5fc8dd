package com.taosdata.kafka.connect.connection;

import com.taosdata.jdbc.TSDBDriver;
import com.taosdata.jdbc.rs.RestfulDriver;
import com.taosdata.jdbc.ws.WebSocketDriver;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Opens JDBC connections to TDengine over the transport the URL names, one attempt each: the caller's
 * {@link RetryPolicy} retries the whole operation, opening the connection included, so that one layer owns the
 * retries of an operation. Drivers are instantiated directly rather than looked up in {@code DriverManager}, which
 * does not see drivers that live in a Connect plugin's classloader.
 */
public final class ConnectionFactory {

    private final TDengineUrl url;
    private final Credentials credentials;
    private final Duration timeout;
    private final Function<Transport, Driver> drivers;

    /** @param timeout how long to wait for taosAdapter when a TLS failure is looked into */
    public ConnectionFactory(TDengineUrl url, Credentials credentials, Duration timeout) {
        this(url, credentials, timeout, ConnectionFactory::driver);
    }

    /** With the drivers given, so tests can stand in for a native client library whatever the machine has. */
    ConnectionFactory(TDengineUrl url, Credentials credentials, Duration timeout, Function<Transport, Driver> drivers) {
        this.drivers = drivers;
        this.url = url;
        this.credentials = credentials;
        this.timeout = timeout;
    }

    public TDengineUrl url() {
        return url;
    }

    public Credentials credentials() {
        return credentials;
    }

    public Duration timeout() {
        return timeout;
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
        credentials.addTo(properties);
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
            throw tlsProblem(e).orElseGet(() -> SqlExceptionTranslator.translate("connecting to " + url, e));
        } catch (LinkageError e) {
            // libtaos is on the library path but cannot be loaded (wrong architecture, missing dependency):
            // no retry will change that.
            throw new TDengineException(
                    0,
                    ErrorKind.FATAL,
                    "connecting to " + url + " failed: the TDengine client library "
                            + "could not be loaded (" + e + "); fix the client installation on this worker, or use the "
                            + "pure-Java WebSocket transport: jdbc:TAOS-WS://"
                            + (url.host().isEmpty() ? "localhost" : url.host())
                            + ":6041",
                    e);
        } catch (RuntimeException e) {
            // The drivers throw unchecked exceptions for unreachable hosts.
            if (e instanceof TDengineException) {
                throw (TDengineException) e;
            }
            throw tlsProblem(e)
                    .orElseGet(() -> TDengineException.transientFailure("connecting to " + url + " failed: " + e, e));
        }
    }

    /** A certificate or protocol problem behind a failed TLS connection: fatal, as no retry changes either. */
    private Optional<TDengineException> tlsProblem(Exception e) {
        return TlsDiagnosis.explain(url, e, timeout)
                .map(problem ->
                        new TDengineException(0, ErrorKind.FATAL, "connecting to " + url + " failed: " + problem, e));
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
