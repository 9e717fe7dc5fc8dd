package com.taosdata.kafka.connect.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.connection.ConnectionFactory;
import com.taosdata.kafka.connect.connection.Credentials;
import com.taosdata.kafka.connect.connection.TDengineUrl;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.sink.config.SchemalessProtocol;
import com.taosdata.kafka.connect.sink.config.TableOptions;
import java.time.Duration;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class SchemalessWritersTest {

    private static SchemalessWriter create(String url) {
        ConnectionFactory connections = new ConnectionFactory(
                TDengineUrl.parse("connection.url", url),
                Credentials.userAndPassword("root", new Password("taosdata")),
                Duration.ofSeconds(1));
        return SchemalessWriters.create(
                connections, SchemalessProtocol.LINE, TimestampUnit.NS, TableOptions.DEFAULTS, Duration.ofSeconds(1));
    }

    @Test
    void restUrlsWriteThroughTaosAdaptersHttpEndpoints() {
        assertThat(create("jdbc:TAOS-RS://td1:6041")).isInstanceOf(HttpSchemalessWriter.class);
    }

    @Test
    void webSocketAndNativeUrlsWriteThroughTheJdbcDriver() {
        assertThat(create("jdbc:TAOS-WS://td1:6041")).isInstanceOf(JdbcSchemalessWriter.class);
        assertThat(create("jdbc:TAOS://td1:6030")).isInstanceOf(JdbcSchemalessWriter.class);
    }
}
