package com.taosdata.kafka.connect.sink.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemalessProtocolTest {

    private static final Schema METER = SchemaBuilder.struct()
            .name("meter")
            .field("host", Schema.STRING_SCHEMA)
            .field("load", Schema.FLOAT64_SCHEMA)
            .field("ts", Schema.INT64_SCHEMA)
            .build();

    @Test
    void configValuesAreTheTutorialsSpellings() {
        assertThat(SchemalessProtocol.LINE.configValue()).isEqualTo("line");
        assertThat(SchemalessProtocol.TELNET.configValue()).isEqualTo("telnet");
        assertThat(SchemalessProtocol.JSON.configValue()).isEqualTo("json");
    }

    /** What an error message tells users to add must ship with the plugin and produce the protocol configured. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "LINE   | meters,host=a load=1.5f64 1700000000000000000",
                "TELNET | meters_load 1700000000000 1.5 host=a",
                "JSON   | [{\"metric\":\"meters_load\",\"timestamp\":1700000000000,\"value\":1.5,\"tags\":{\"host\":\"a\"}}]",
            })
    void theNamedTransformTurnsARecordValueIntoThisProtocol(SchemalessProtocol protocol, String expected)
            throws ReflectiveOperationException {
        @SuppressWarnings("unchecked")
        Transformation<SinkRecord> transform = (Transformation<SinkRecord>) Class.forName(protocol.transformClass())
                .getDeclaredConstructor()
                .newInstance();
        transform.configure(Map.of("tags", "host", "fields", "load", "timestamp.field", "ts"));
        Struct meter = new Struct(METER).put("host", "a").put("load", 1.5).put("ts", 1_700_000_000_000L);

        SinkRecord encoded = transform.apply(new SinkRecord("meters", 0, Schema.STRING_SCHEMA, "key", METER, meter, 0));

        assertThat(encoded.value()).isEqualTo(expected);
        assertThat(encoded.key()).as("the record key is left alone").isEqualTo("key");
        transform.close();
    }
}
