package com.taosdata.kafka.connect.connection;

/** How the connectors reach TDengine, chosen by the scheme of {@code connection.url}. */
public enum Transport {
    /** {@code jdbc:TAOS://host:6030}: taosc through JNI; needs the TDengine client library on the worker. */
    NATIVE("jdbc:TAOS://", 6030),
    /** {@code jdbc:TAOS-WS://host:6041}: taosAdapter's WebSocket API, pure Java. */
    WEBSOCKET("jdbc:TAOS-WS://", 6041),
    /** {@code jdbc:TAOS-RS://host:6041}: taosAdapter's HTTP API; schemaless lines go to its HTTP endpoints. */
    REST("jdbc:TAOS-RS://", 6041);

    private final String prefix;
    private final int defaultPort;

    Transport(String prefix, int defaultPort) {
        this.prefix = prefix;
        this.defaultPort = defaultPort;
    }

    public String prefix() {
        return prefix;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
