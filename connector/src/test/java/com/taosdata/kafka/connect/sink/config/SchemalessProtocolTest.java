package com.taosdata.kafka.connect.sink.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SchemalessProtocolTest {

    @Test
    void configValuesAreTheTutorialsSpellings() {
        assertThat(SchemalessProtocol.LINE.configValue()).isEqualTo("line");
        assertThat(SchemalessProtocol.TELNET.configValue()).isEqualTo("telnet");
        assertThat(SchemalessProtocol.JSON.configValue()).isEqualTo("json");
    }

    @Test
    void eachProtocolNamesTheValueTransformThatProducesIt() {
        assertThat(SchemalessProtocol.LINE.transformClass())
                .isEqualTo("com.taosdata.kafka.connect.transforms.ToLineProtocol$Value");
        assertThat(SchemalessProtocol.TELNET.transformClass())
                .isEqualTo("com.taosdata.kafka.connect.transforms.ToTelnet$Value");
        assertThat(SchemalessProtocol.JSON.transformClass())
                .isEqualTo("com.taosdata.kafka.connect.transforms.ToOpenTsdbJson$Value");
    }

    @ParameterizedTest
    @EnumSource(SchemalessProtocol.class)
    void theNamedTransformShipsWithThePlugin(SchemalessProtocol protocol) throws ClassNotFoundException {
        assertThat(Class.forName(protocol.transformClass())).isNotNull();
    }
}
