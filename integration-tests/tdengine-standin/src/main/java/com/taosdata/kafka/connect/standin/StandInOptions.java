package com.taosdata.kafka.connect.standin;

/**
 * How to start a {@link TDengineStandIn}.
 *
 * @param port                        the port to bind on 127.0.0.1; 0 picks a free one
 * @param user                        the only user accepted (TDengine's default is {@code root})
 * @param password                    its password (TDengine's default is {@code taosdata})
 * @param databaseCreationDelayMillis how long {@code CREATE DATABASE} takes; a real server needs a few hundred
 *                                    milliseconds, and concurrent creators of the same database see
 *                                    "Database in creating status" meanwhile
 */
public record StandInOptions(int port, String user, String password, long databaseCreationDelayMillis) {
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
    }

    public static StandInOptions defaults() {
        return new StandInOptions(0, DEFAULT_USER, DEFAULT_PASSWORD, DEFAULT_CREATION_DELAY_MILLIS);
    }

    public StandInOptions withPort(int newPort) {
        return new StandInOptions(newPort, user, password, databaseCreationDelayMillis);
    }

    public StandInOptions withDatabaseCreationDelayMillis(long millis) {
        return new StandInOptions(port, user, password, millis);
    }
}
