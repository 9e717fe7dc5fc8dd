package com.taosdata.kafka.connect.sink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.config.ConnectionConfigs;
import com.taosdata.kafka.connect.connection.Transport;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

public class TDengineSinkConfigTest {

    private static final Path TUTORIAL_CONFIG = Path.of("src/assembly/etc/sink-demo.properties");

    private static Map<String, String> minimal(String... overrides) {
        Map<String, String> props = new HashMap<>();
        props.put("connection.url", "jdbc:TAOS-WS://localhost:6041");
        for (int i = 0; i < overrides.length; i += 2) {
            props.put(overrides[i], overrides[i + 1]);
        }
        return props;
    }

    public static Map<String, String> tutorialConfig() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(TUTORIAL_CONFIG)) {
            properties.load(reader);
        }
        return properties.stringPropertyNames().stream().collect(Collectors.toMap(k -> k, properties::getProperty));
    }

    @Test
    void theKeysTypesDefaultsAndValidatorsAreTheDocumentedOnes() throws IOException {
        String table = TDengineSinkConfig.CONFIG_DEF.configKeys().values().stream()
                .map(key -> String.join(
                        " | ",
                        key.name,
                        key.type.name(),
                        key.hasDefault() ? String.valueOf(key.defaultValue) : "(required)",
                        key.validator == null ? "" : key.validator.toString(),
                        key.importance.name(),
                        key.group))
                .collect(Collectors.joining("\n"));

        assertThat(table).isEqualTo(Golden.read("sink-config-keys.txt").stripTrailing());
    }

    @Test
    void defaultsAreTheTutorialsAndTheIssues() {
        TDengineSinkConfig config = new TDengineSinkConfig(minimal());

        assertThat(config.getString("connection.user")).isEqualTo("root");
        assertThat(config.getPassword("connection.password").value()).isEqualTo("taosdata");
        assertThat(config.getInt("connection.attempts")).isEqualTo(3);
        assertThat(config.getLong("connection.backoff.ms")).isEqualTo(5000L);
        assertThat(config.database()).isNull();
        assertThat(config.databasePrefix()).isNull();
        assertThat(config.protocol()).isEqualTo(SchemalessProtocol.LINE);
        assertThat(config.missingTimestamp())
                .as("TDengine's clock, as the tutorial writes")
                .isEqualTo(MissingTimestamp.SERVER);
        assertThat(config.precision()).isEqualTo(TimestampUnit.NS);
        assertThat(config.batchSize()).isEqualTo(10_000);
        assertThat(config.lingerMs()).isEqualTo(1000L);
        assertThat(config.maxRetries()).isEqualTo(10);
        assertThat(config.retryBackoffMs()).isEqualTo(3000L);
        assertThat(config.requestTimeoutMs()).isEqualTo(60_000L);
    }

    @Test
    void thePasswordIsAPasswordTypeThatPrintsHidden() {
        TDengineSinkConfig config = new TDengineSinkConfig(minimal("connection.password", "s3cret"));

        assertThat(TDengineSinkConfig.CONFIG_DEF.configKeys().get("connection.password").type)
                .isEqualTo(ConfigDef.Type.PASSWORD);
        assertThat(config.getPassword("connection.password").value()).isEqualTo("s3cret");
        assertThat(config.getPassword("connection.password")).hasToString("[hidden]");
        assertThat(config.values().toString()).doesNotContain("s3cret");
    }

    @Test
    void everyKeyIsRead() {
        TDengineSinkConfig config = new TDengineSinkConfig(minimal(
                "connection.user",
                "writer",
                "connection.database",
                " Power ",
                "connection.database.prefix",
                "kafka_${topic}",
                "connection.attempts",
                "5",
                "connection.backoff.ms",
                "100",
                "db.schemaless",
                "telnet",
                "data.precision",
                "us",
                "timestamp.missing",
                "record",
                "batch.size",
                "500",
                "batch.linger.ms",
                "20",
                "max.retries",
                "0",
                "retry.backoff.ms",
                "7",
                "request.timeout.ms",
                "9"));

        assertThat(config.getString("connection.user")).isEqualTo("writer");
        assertThat(config.database()).isEqualTo("Power");
        assertThat(config.databasePrefix()).isEqualTo("kafka_${topic}");
        assertThat(config.getInt("connection.attempts")).isEqualTo(5);
        assertThat(config.getLong("connection.backoff.ms")).isEqualTo(100L);
        assertThat(config.protocol()).isEqualTo(SchemalessProtocol.TELNET);
        assertThat(config.precision()).isEqualTo(TimestampUnit.US);
        assertThat(config.missingTimestamp()).isEqualTo(MissingTimestamp.RECORD);
        assertThat(config.batchSize()).isEqualTo(500);
        assertThat(config.lingerMs()).isEqualTo(20L);
        assertThat(config.maxRetries()).isZero();
        assertThat(config.retryBackoffMs()).isEqualTo(7L);
        assertThat(config.requestTimeoutMs()).isEqualTo(9L);
    }

    @Test
    void blankDatabaseAndPrefixMeanUnset() {
        TDengineSinkConfig config =
                new TDengineSinkConfig(minimal("connection.database", " ", "connection.database.prefix", ""));

        assertThat(config.database()).isNull();
        assertThat(config.databasePrefix()).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "batch.size, 0",
        "batch.size, many",
        "batch.linger.ms, -1",
        "max.retries, -1",
        "retry.backoff.ms, -1",
        "connection.attempts, 0",
        "connection.backoff.ms, -1",
        "request.timeout.ms, 0",
        "db.schemaless, influx",
        "timestamp.missing, kafka",
        "timestamp.missing, ''",
        "data.precision, s",
        "connection.user, ''",
        "connection.url, jdbc:mysql://h:3306"
    })
    void invalidValuesAreRefusedNamingTheKey(String key, String value) {
        assertThatThrownBy(() -> new TDengineSinkConfig(minimal(key, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key);
    }

    @Test
    void theUrlIsRequired() {
        assertThatThrownBy(() -> new TDengineSinkConfig(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("connection.url");
    }

    @Test
    void theTutorialsSinkConfigParsesAsIs() throws IOException {
        TDengineSinkConfig config = new TDengineSinkConfig(tutorialConfig());

        assertThat(ConnectionConfigs.url(config).transport()).isEqualTo(Transport.NATIVE);
        assertThat(ConnectionConfigs.url(config).host()).isEqualTo("127.0.0.1");
        assertThat(config.getString("connection.user")).isEqualTo("root");
        assertThat(config.getPassword("connection.password").value()).isEqualTo("taosdata");
        assertThat(config.database()).isEqualTo("power");
        assertThat(config.protocol()).isEqualTo(SchemalessProtocol.LINE);
        assertThat(config.precision()).isEqualTo(TimestampUnit.NS);
        assertThat(config.missingTimestamp()).isEqualTo(MissingTimestamp.SERVER);
    }

    @Test
    void protocolPrecisionAndMissingTimestampAreCaseInsensitive() {
        TDengineSinkConfig config = new TDengineSinkConfig(
                minimal("db.schemaless", "JSON", "data.precision", "MS", "timestamp.missing", " Record "));

        assertThat(config.protocol()).isEqualTo(SchemalessProtocol.JSON);
        assertThat(config.precision()).isEqualTo(TimestampUnit.MS);
        assertThat(config.missingTimestamp()).isEqualTo(MissingTimestamp.RECORD);
    }

    @Test
    void timestampMissingRecommendsItsValuesInTheWritesGroup() {
        ConfigDef.ConfigKey key = TDengineSinkConfig.CONFIG_DEF.configKeys().get("timestamp.missing");

        assertThat(key.recommender.validValues("timestamp.missing", Map.of())).containsExactly("server", "record");
        assertThat(key.group).isEqualTo("Writes");
        assertThat(TDengineSinkConfig.CONFIG_DEF.validate(minimal()).stream()
                        .filter(value -> value.name().equals("timestamp.missing"))
                        .findFirst()
                        .orElseThrow()
                        .recommendedValues())
                .containsExactly("server", "record");
    }
}
