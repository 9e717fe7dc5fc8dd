package com.taosdata.kafka.connect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.connection.ConnectionFactory;
import com.taosdata.kafka.connect.connection.Credentials;
import com.taosdata.kafka.connect.connection.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class ConnectionConfigsTest {

    private static final ConfigDef DEF = ConnectionConfigs.define(new ConfigDef());
    private static final String TOKEN = "cloud-token-never-shown-9";

    @Test
    void definesTheSharedKeysWithTheTutorialsDefaults() {
        assertThat(DEF.names())
                .containsExactlyInAnyOrder(
                        "connection.url",
                        "connection.user",
                        "connection.password",
                        "connection.token",
                        "connection.attempts",
                        "connection.backoff.ms",
                        "request.timeout.ms");
        assertThat(DEF.configKeys().get("connection.url").defaultValue).isEqualTo(ConfigDef.NO_DEFAULT_VALUE);
        assertThat(DEF.configKeys().get("connection.user").defaultValue).isEqualTo("root");
        assertThat(DEF.configKeys().get("connection.password").type).isEqualTo(ConfigDef.Type.PASSWORD);
        assertThat(DEF.configKeys().get("connection.token").type).isEqualTo(ConfigDef.Type.PASSWORD);
        assertThat(DEF.configKeys().get("connection.token").defaultValue).isNull();
        assertThat(DEF.configKeys().get("connection.attempts").defaultValue).isEqualTo(3);
        assertThat(DEF.configKeys().get("connection.backoff.ms").defaultValue).isEqualTo(5000L);
        assertThat(DEF.configKeys().get("request.timeout.ms").defaultValue).isEqualTo(60_000L);
    }

    @Test
    void urlValidatorAcceptsEachTransport() {
        ConfigDef.Validator validator = DEF.configKeys().get("connection.url").validator;

        assertThatCode(() -> validator.ensureValid("connection.url", "jdbc:TAOS://h:6030"))
                .doesNotThrowAnyException();
        assertThatCode(() -> validator.ensureValid("connection.url", "jdbc:TAOS-WS://h:6041"))
                .doesNotThrowAnyException();
        assertThatCode(() -> validator.ensureValid("connection.url", "jdbc:TAOS-RS://h:6041"))
                .doesNotThrowAnyException();
    }

    @Test
    void urlValidatorMessagesNameTheKey() {
        ConfigDef.Validator validator = DEF.configKeys().get("connection.url").validator;

        assertThatThrownBy(() -> validator.ensureValid("connection.url", null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("connection.url")
                .hasMessageContaining("required");
        assertThatThrownBy(() -> validator.ensureValid("connection.url", "jdbc:mysql://h:3306"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("connection.url")
                .hasMessageContaining("unknown scheme");
    }

    @Test
    void urlValidatorDescribesTheAcceptedForms() {
        assertThat(DEF.configKeys().get("connection.url").validator.toString())
                .contains("jdbc:TAOS://")
                .contains("jdbc:TAOS-WS://")
                .contains("jdbc:TAOS-RS://");
    }

    @Test
    void connectionFactoryUsesTheParsedUrlTheDefaultLoginAndTheRequestTimeout() {
        AbstractConfig config = new AbstractConfig(
                DEF, Map.of("connection.url", "jdbc:TAOS-RS://td:7000", "request.timeout.ms", "2500"), false);

        ConnectionFactory factory = ConnectionConfigs.connectionFactory(config);

        assertThat(factory.url().transport()).isEqualTo(Transport.REST);
        assertThat(factory.url().port()).isEqualTo(7000);
        assertThat(factory.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(factory.credentials().isToken()).isFalse();
        assertThat(factory.credentials().httpAuthorization())
                .contains("Basic "
                        + Base64.getEncoder().encodeToString("root:taosdata".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aTokenIsTheLoginWhenSet() {
        AbstractConfig config = new AbstractConfig(
                DEF, Map.of("connection.url", "jdbc:TAOS-WS://gw:443?useSSL=true", "connection.token", TOKEN), false);

        Credentials credentials = ConnectionConfigs.credentials(config);

        assertThat(credentials.isToken()).isTrue();
        assertThat(credentials.toString()).doesNotContain(TOKEN);
    }

    private static List<String> tokenErrors(Map<String, String> props) {
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        DEF.validate(props).forEach(value -> values.put(value.name(), value));
        assertThat(values.values().stream().flatMap(v -> v.errorMessages().stream()))
                .as("single-key errors")
                .isEmpty();
        ConnectionConfigs.checkRules(props, values);
        values.values().forEach(value -> assertThat(value.errorMessages()).noneMatch(m -> m.contains(TOKEN)));
        values.entrySet().stream()
                .filter(e -> !e.getKey().equals("connection.token"))
                .forEach(e ->
                        assertThat(e.getValue().errorMessages()).as(e.getKey()).isEmpty());
        return values.get("connection.token").errorMessages();
    }

    @Test
    void aTokenOverWebSocketOrRestWithTlsAndNoUserOrPasswordIsValid() {
        assertThat(tokenErrors(
                        Map.of("connection.url", "jdbc:TAOS-WS://gw.cloud:443?useSSL=true", "connection.token", TOKEN)))
                .isEmpty();
        assertThat(tokenErrors(
                        Map.of("connection.url", "jdbc:TAOS-RS://gw.cloud:443?useSSL=true", "connection.token", TOKEN)))
                .isEmpty();
        assertThat(tokenErrors(Map.of("connection.url", "jdbc:TAOS://h:6030", "connection.user", "u")))
                .isEmpty();
    }

    @Test
    void aTokenNeedsWebSocketOrRest() {
        assertThat(tokenErrors(Map.of("connection.url", "jdbc:TAOS://h:6030", "connection.token", TOKEN)))
                .singleElement()
                .asString()
                .contains("jdbc:TAOS-WS://")
                .contains("native client has no token login");
    }

    @Test
    void aTokenNeedsTls() {
        assertThat(tokenErrors(Map.of("connection.url", "jdbc:TAOS-WS://gw.cloud:6041", "connection.token", TOKEN)))
                .singleElement()
                .asString()
                .contains("?useSSL=true");
    }

    @Test
    void aTokenReplacesUserAndPassword() {
        assertThat(tokenErrors(Map.of(
                        "connection.url",
                        "jdbc:TAOS-RS://gw:443?useSSL=true",
                        "connection.token",
                        TOKEN,
                        "connection.user",
                        "root",
                        "connection.password",
                        "taosdata")))
                .containsExactly(
                        "connection.token replaces connection.user: set one way to log in, the token or the user and password",
                        "connection.token replaces connection.password: set one way to log in, the token or the user and password");
    }

    @Test
    void anEmptyTokenIsAMistake() {
        assertThat(tokenErrors(Map.of("connection.url", "jdbc:TAOS-WS://gw:443?useSSL=true", "connection.token", " ")))
                .singleElement()
                .asString()
                .contains("is empty");
    }
}
