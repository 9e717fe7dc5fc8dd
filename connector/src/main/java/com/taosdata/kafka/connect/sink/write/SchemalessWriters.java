package com.taosdata.kafka.connect.sink.write;

import com.taosdata.kafka.connect.connection.ConnectionFactory;
import com.taosdata.kafka.connect.connection.Transport;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.sink.config.SchemalessProtocol;
import com.taosdata.kafka.connect.sink.config.TableOptions;
import java.time.Duration;

/** Picks the schemaless writer for the transport of {@code connection.url}. */
public final class SchemalessWriters {

    private SchemalessWriters() {}

    public static SchemalessWriter create(
            ConnectionFactory connections,
            SchemalessProtocol protocol,
            TimestampUnit precision,
            TableOptions tables,
            Duration requestTimeout) {
        if (connections.url().transport() == Transport.REST) {
            // taos-jdbcdriver's REST driver has no schemaless API; taosAdapter's HTTP endpoints do the same job.
            return new HttpSchemalessWriter(
                    connections.url(), connections.credentials(), protocol, precision, tables, requestTimeout);
        }
        return new JdbcSchemalessWriter(connections, protocol, precision, tables);
    }
}
