package com.taosdata.kafka.connect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import com.taosdata.kafka.connect.connection.ConnectionFactory;
import com.taosdata.kafka.connect.connection.Transport;

class ConnectionConfigsTest {

    private static final ConfigDef DEF = ConnectionConfigs.define(new ConfigDef());

    @Test
    void definesTheSharedKeysWithTheTutorialsDefaults() {
        assertThat(DEF.names()).containsExactlyInAnyOrder("connection.url", "connection.user", "connection.password",
                "connection.attempts", "connection.backoff.ms", "request.timeout.ms");
        assertThat(DEF.configKeys().get("connection.url").defaultValue).isEqualTo(ConfigDef.NO_DEFAULT_VALUE);
        assertThat(DEF.configKeys().get("connection.user").defaultValue).isEqualTo("root");
        assertThat(DEF.configKeys().get("connection.password").type).isEqualTo(ConfigDef.Type.PASSWORD);
        assertThat(DEF.configKeys().get("connection.attempts").defaultValue).isEqualTo(3);
        assertThat(DEF.configKeys().get("connection.backoff.ms").defaultValue).isEqualTo(5000L);
        assertThat(DEF.configKeys().get("request.timeout.ms").defaultValue).isEqualTo(60_000L);
    }

    @Test
    void urlValidatorAcceptsEachTransport() {
        ConfigDef.Validator validator = DEF.configKeys().get("connection.url").validator;

        assertThatCode(() -> validator.ensureValid("connection.url", "jdbc:TAOS://h:6030")).doesNotThrowAnyException();
        assertThatCode(() -> validator.ensureValid("connection.url", "jdbc:TAOS-WS://h:6041")).doesNotThrowAnyException();
        assertThatCode(() -> validator.ensureValid("connection.url", "jdbc:TAOS-RS://h:6041")).doesNotThrowAnyException();
    }

    @Test
    void urlValidatorMessagesNameTheKey() {
        ConfigDef.Validator validator = DEF.configKeys().get("connection.url").validator;

        assertThatThrownBy(() -> validator.ensureValid("connection.url", null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("connection.url").hasMessageContaining("required");
        assertThatThrownBy(() -> validator.ensureValid("connection.url", "jdbc:mysql://h:3306"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("connection.url").hasMessageContaining("unknown scheme");
    }

    @Test
    void urlValidatorDescribesTheAcceptedForms() {
        assertThat(DEF.configKeys().get("connection.url").validator.toString())
                .contains("jdbc:TAOS://").contains("jdbc:TAOS-WS://").contains("jdbc:TAOS-RS://");
    }

    @Test
    void connectionFactoryUsesTheParsedUrl() {
        AbstractConfig config = new AbstractConfig(DEF, Map.of("connection.url", "jdbc:TAOS-RS://td:7000"), false);

        ConnectionFactory factory = ConnectionConfigs.connectionFactory(config);

        assertThat(factory.url().transport()).isEqualTo(Transport.REST);
        assertThat(factory.url().port()).isEqualTo(7000);
        assertThat(ConnectionConfigs.password(config).value()).isEqualTo("taosdata");
    }
}
