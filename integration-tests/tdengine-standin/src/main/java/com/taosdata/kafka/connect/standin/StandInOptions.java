package com.taosdata.kafka.connect.standin;

import javax.net.ssl.SSLContext;

/**
 * How to start a {@link TDengineStandIn}.
 *
 * @param port                        the port to bind on 127.0.0.1; 0 picks a free one
 * @param user                        the only user accepted (TDengine's default is {@code root})
 * @param password                    its password (TDengine's default is {@code taosdata})
 * @param databaseCreationDelayMillis how long {@code CREATE DATABASE} takes; a real server needs a few hundred
 *                                    milliseconds, and concurrent creators of the same database see
 *                                    "Database in creating status" meanwhile
 * @param tls                         with a server certificate: the same API over HTTPS too, on a port of its own,
 *                                    as taosAdapter behind a TLS endpoint; null for plain HTTP only
 * @param token                       a TDengine Cloud token: every request then logs in with it as Cloud's REST API
 *                                    does, by the {@code token} query parameter only ({@link RequestLogin}); null
 *                                    for taosAdapter's login by user and password
 */
public record StandInOptions(
        int port, String user, String password, long databaseCreationDelayMillis, SSLContext tls, String token) {
    public static final String DEFAULT_USER = "root";
    public static final String DEFAULT_PASSWORD = "taosdata";
    public static final long DEFAULT_CREATION_DELAY_MILLIS = 300;

    public StandInOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (user == null || user.isEmpty() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("user and password are required");
        }
        if (databaseCreationDelayMillis < 0) {
            throw new IllegalArgumentException("negative database creation delay");
        }
        if (token != null && token.isEmpty()) {
            throw new IllegalArgumentException("an empty token; use null for a login by user and password");
        }
    }

    public static StandInOptions defaults() {
        return new StandInOptions(0, DEFAULT_USER, DEFAULT_PASSWORD, DEFAULT_CREATION_DELAY_MILLIS, null, null);
    }

    public StandInOptions withPort(int newPort) {
        return new StandInOptions(newPort, user, password, databaseCreationDelayMillis, tls, token);
    }

    public StandInOptions withDatabaseCreationDelayMillis(long millis) {
        return new StandInOptions(port, user, password, millis, tls, token);
    }

    /** Also serves HTTPS with the certificate {@code serverContext} holds, on a free port. */
    public StandInOptions withTls(SSLContext serverContext) {
        return new StandInOptions(port, user, password, databaseCreationDelayMillis, serverContext, token);
    }

    /**
     * Logs in as TDengine Cloud does: by {@code token} in each request's query and nothing else, on every endpoint
     * and port.
     */
    public StandInOptions withToken(String cloudToken) {
        return new StandInOptions(port, user, password, databaseCreationDelayMillis, tls, cloudToken);
    }
}
