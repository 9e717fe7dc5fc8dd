package com.taosdata.kafka.connect.sink.write;

import com.taosdata.jdbc.AbstractConnection;
import com.taosdata.jdbc.enums.SchemalessProtocolType;
import com.taosdata.jdbc.enums.SchemalessTimestampType;
import com.taosdata.kafka.connect.connection.ConnectionFactory;
import com.taosdata.kafka.connect.connection.SqlExceptionTranslator;
import com.taosdata.kafka.connect.connection.TDengineSession;
import com.taosdata.kafka.connect.connection.Transport;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.sink.config.SchemalessProtocol;
import com.taosdata.kafka.connect.sink.config.TableOptions;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Schemaless writes through taos-jdbcdriver, native ({@code jdbc:TAOS://}) or WebSocket ({@code jdbc:TAOS-WS://}).
 * One session per database, because the driver writes into the connection's current database; its connection is
 * dropped after a transient failure and reopened on the next write. taos-jdbcdriver 3.7.3 passes a TTL for the tables a
 * write creates over both transports, but no table-name tag: validation refuses {@code table.name.tag} here.
 *
 * <p>A batch is one call to TDengine over both transports. Natively the lines go as an array, which keeps a line feed
 * inside a quoted string value exact. Over WebSocket the driver's array write sends one request per line and waits
 * for each answer (seconds per batch where natively it takes milliseconds; figures in docs/benchmarks.md), so the
 * lines go joined by line feeds in one raw request; taosAdapter splits raw text at every line feed, which is why
 * records holding a line feed inside a string are refused before they reach a WebSocket writer.
 */
public final class JdbcSchemalessWriter implements SchemalessWriter {

    private final ConnectionFactory connections;
    private final SchemalessProtocolType protocol;
    private final SchemalessTimestampType timestampType;
    private final boolean json;
    private final Integer ttl;
    private final boolean oneRawRequest;
    private final Map<String, TDengineSession> byDatabase = new HashMap<>();

    public JdbcSchemalessWriter(ConnectionFactory connections, SchemalessProtocol protocol, TimestampUnit precision) {
        this(connections, protocol, precision, TableOptions.DEFAULTS);
    }

    public JdbcSchemalessWriter(
            ConnectionFactory connections, SchemalessProtocol protocol, TimestampUnit precision, TableOptions tables) {
        if (tables.tableNameTag() != null) {
            throw new IllegalArgumentException("taos-jdbcdriver cannot pass a table name tag; validation refuses "
                    + "table.name.tag outside jdbc:TAOS-RS:// URLs");
        }
        this.connections = connections;
        this.oneRawRequest = connections.url().transport() == Transport.WEBSOCKET;
        // null leaves the driver's call exactly as without a TTL
        this.ttl = tables.ttlDays() == 0 ? null : tables.ttlDays();
        this.protocol = protocolType(protocol);
        this.json = protocol == SchemalessProtocol.JSON;
        // OpenTSDB timestamps carry their precision in their digit count; only line protocol needs it spelled out.
        this.timestampType =
                protocol == SchemalessProtocol.LINE ? timestampType(precision) : SchemalessTimestampType.NOT_CONFIGURED;
    }

    @Override
    public long write(String database, List<String> payloads) {
        return byDatabase
                .computeIfAbsent(database, db -> new TDengineSession(connections, db))
                .call(connection -> {
                    try {
                        AbstractConnection taos = connection.unwrap(AbstractConnection.class);
                        if (json) {
                            taos.write(
                                    new String[] {OpenTsdbJson.mergeIntoArray(payloads)},
                                    protocol,
                                    timestampType,
                                    ttl,
                                    null);
                            return Utf8.length(payloads);
                        } else if (oneRawRequest) {
                            String lines = String.join("\n", payloads);
                            taos.writeRaw(lines, protocol, timestampType, ttl, null);
                            return Utf8.length(lines) - Math.max(0, payloads.size() - 1);
                        } else {
                            taos.write(payloads.toArray(new String[0]), protocol, timestampType, ttl, null);
                            return Utf8.length(payloads);
                        }
                    } catch (SQLException e) {
                        throw SqlExceptionTranslator.translate(
                                "schemaless write of " + payloads.size() + " payload(s) into " + database, e);
                    }
                });
    }

    @Override
    public void close() {
        byDatabase.values().forEach(TDengineSession::close);
        byDatabase.clear();
    }

    static SchemalessProtocolType protocolType(SchemalessProtocol protocol) {
        return switch (protocol) {
            case LINE -> SchemalessProtocolType.LINE;
            case TELNET -> SchemalessProtocolType.TELNET;
            case JSON -> SchemalessProtocolType.JSON;
        };
    }

    static SchemalessTimestampType timestampType(TimestampUnit precision) {
        return switch (precision) {
            case S -> SchemalessTimestampType.SECONDS;
            case MS -> SchemalessTimestampType.MILLI_SECONDS;
            case US -> SchemalessTimestampType.MICRO_SECONDS;
            case NS -> SchemalessTimestampType.NANO_SECONDS;
        };
    }
}
