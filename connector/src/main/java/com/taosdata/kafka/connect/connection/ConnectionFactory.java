package com.taosdata.kafka.connect.connection;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

import org.apache.kafka.common.config.types.Password;

import com.taosdata.jdbc.TSDBDriver;
import com.taosdata.jdbc.rs.RestfulDriver;
import com.taosdata.jdbc.ws.WebSocketDriver;

/**
 * Opens JDBC connections to TDengine over the transport the URL names, retrying transient failures
 * {@code connection.attempts} times. Drivers are instantiated directly rather than looked up in
 * {@code DriverManager}, which does not see drivers that live in a Connect plugin's classloader.
 */
public final class ConnectionFactory {

    private final TDengineUrl url;
    private final String user;
    private final Password password;
    private final RetryPolicy retry;

    public ConnectionFactory(TDengineUrl url, String user, Password password, int attempts, long backoffMs, Sleeper sleeper) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.retry = new RetryPolicy(Math.max(0, attempts - 1), backoffMs, sleeper);
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
            Connection connection = driver().connect(url.jdbcUrl(database), properties);
            if (connection == null) {
                throw new TDengineException(0, ErrorKind.FATAL, "no TDengine driver accepts " + url, null);
            }
            return connection;
        } catch (SQLException e) {
            throw SqlErrors.translate("connecting to " + url, e);
        } catch (RuntimeException | LinkageError e) {
            // The drivers throw unchecked exceptions for unreachable hosts and missing native libraries.
            if (e instanceof TDengineException) {
                throw (TDengineException) e;
            }
            throw TDengineException.transientFailure("connecting to " + url + " failed: " + e, e);
        }
    }

    private Driver driver() throws SQLException {
        switch (url.transport()) {
            case NATIVE:
                return new TSDBDriver();
            case WEBSOCKET:
                return new WebSocketDriver();
            case REST:
                return new RestfulDriver();
            default:
                throw new IllegalStateException("unhandled transport " + url.transport());
        }
    }
}
