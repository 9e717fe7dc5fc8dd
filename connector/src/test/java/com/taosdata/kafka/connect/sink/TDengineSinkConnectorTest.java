package com.taosdata.kafka.connect.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsServer;
import com.taosdata.kafka.connect.schemas.Version;
import com.taosdata.kafka.connect.sink.config.TDengineSinkConfig;
import com.taosdata.kafka.connect.sink.config.TDengineSinkConfigTest;
import com.taosdata.kafka.connect.testing.SelfSignedCertificate;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TDengineSinkConnectorTest {

    private static final String SECRET = "Sup3r-Secret-Pw";
    private static final String TOKEN = "cl0ud-T0ken-never-shown";

    @TempDir
    Path emptyDir;

    private final TDengineSinkConnector connector = new TDengineSinkConnector();
    private String libraryPath;

    @BeforeEach
    void saveLibraryPath() {
        libraryPath = System.getProperty("java.library.path");
    }

    @AfterEach
    void restoreLibraryPath() {
        System.setProperty("java.library.path", libraryPath);
    }

    private static Map<String, String> config(String... overrides) {
        Map<String, String> props = new HashMap<>();
        props.put("connector.class", TDengineSinkConnector.class.getName());
        props.put("topics", "meters");
        props.put("connection.url", "jdbc:TAOS-WS://localhost:6041");
        props.put("connection.password", SECRET);
        props.put("connection.database", "power");
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                props.remove(overrides[i]);
            } else {
                props.put(overrides[i], overrides[i + 1]);
            }
        }
        return props;
    }

    private static Map<String, ConfigValue> byName(Config config) {
        return config.configValues().stream().collect(Collectors.toMap(ConfigValue::name, Function.identity()));
    }

    private static List<String> errors(Config config, String key) {
        return byName(config).get(key).errorMessages();
    }

    private static List<String> allErrors(Config config) {
        return config.configValues().stream()
                .flatMap(v -> v.errorMessages().stream())
                .toList();
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void versionIsThePluginsMavenVersion() {
        assertThat(connector.version()).isEqualTo(Version.get()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void theTaskClassIsTheSinkTask() {
        assertThat(connector.taskClass()).isEqualTo(TDengineSinkTask.class);
        assertThat(connector.config()).isSameAs(TDengineSinkConfig.CONFIG_DEF);
    }

    @Test
    void startRefusesAnInvalidConfigNamingTheKey() {
        assertThatThrownBy(() -> connector.start(config("db.schemaless", "influx")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("db.schemaless");
    }

    @Test
    void taskConfigsAreIndependentCopiesWithATaskId() {
        Map<String, String> props = config();
        connector.start(props);

        List<Map<String, String>> tasks = connector.taskConfigs(3);
        tasks.get(0).put("batch.size", "1");

        assertThat(tasks).hasSize(3);
        assertThat(tasks).extracting(t -> t.get("task.id")).containsExactly("0", "1", "2");
        assertThat(tasks.get(1)).containsAllEntriesOf(props).doesNotContainKey("batch.size");
        assertThat(props).doesNotContainKey("task.id");
    }

    @Test
    void startCopiesThePropsItWasGiven() {
        Map<String, String> props = config();
        connector.start(props);
        props.put("connection.database", "changed");

        assertThat(connector.taskConfigs(1).get(0)).containsEntry("connection.database", "power");
    }

    @Test
    void aValidConfigValidatesOfflineWithoutErrors() {
        assertThat(allErrors(connector.validateOffline(config()))).isEmpty();
    }

    @Test
    void theTutorialsConfigValidatesOffline() throws IOException {
        assertThat(allErrors(connector.validateOffline(TDengineSinkConfigTest.tutorialConfig())))
                .isEmpty();
    }

    @Test
    void dottedAndHyphenatedTopicsMapToValidDatabases() {
        Config result =
                connector.validateOffline(config("connection.database", null, "topics", "dev.meters, site-1.power"));

        assertThat(allErrors(result)).isEmpty();
    }

    @Test
    void aTopicThatMapsToNoValidDatabaseIsAnErrorOnThePrefixWithAValidSuggestion() {
        Config result = connector.validateOffline(config("connection.database", null, "topics", "meters, 2024.sales"));

        assertThat(errors(result, "connection.database.prefix"))
                .singleElement()
                .asString()
                .contains("topic '2024.sales'")
                .contains("must not start with a digit")
                .contains("connection.database.prefix=kafka_${topic} (database kafka_2024_sales)");
        assertThat(errors(result, "connection.database")).isEmpty();
    }

    @Test
    void twoTopicsMappingToOneDatabaseAreAnErrorOnThePrefix() {
        Config result =
                connector.validateOffline(config("connection.database", null, "topics", "iot.meters,iot-meters"));

        assertThat(errors(result, "connection.database.prefix"))
                .singleElement()
                .asString()
                .contains("topics 'iot.meters' and 'iot-meters' both map to database iot_meters");
    }

    @Test
    void twoTopicsIntoTheConfiguredDatabaseAreNoCollision() {
        assertThat(allErrors(connector.validateOffline(config("topics", "iot.meters,iot-meters"))))
                .isEmpty();
    }

    @Test
    void aPrefixWithAHyphenMapsToo() {
        Config result = connector.validateOffline(
                config("connection.database", null, "connection.database.prefix", "kafka-${topic}"));

        assertThat(allErrors(result)).isEmpty();
    }

    @Test
    void aPlaceholderOtherThanTopicInThePrefixIsAnErrorNamingTheKeyAndThePlaceholder() {
        Config result = connector.validateOffline(
                config("connection.database", null, "connection.database.prefix", "kafka_${topc}"));

        assertThat(errors(result, "connection.database.prefix"))
                .singleElement()
                .asString()
                .contains("${topc}")
                .contains("connection.database.prefix knows only ${topic}");
    }

    @Test
    void aPrefixPlaceholderIsCheckedEvenWhenTheDatabaseIsSetAsTheKeyIsWrongEither() {
        assertThat(errors(
                        connector.validateOffline(config("connection.database.prefix", "kafka_${topic}_${env}")),
                        "connection.database.prefix"))
                .singleElement()
                .asString()
                .contains("${env}");
    }

    @Test
    void anUnclosedPlaceholderInThePrefixIsAnError() {
        assertThat(errors(
                        connector.validateOffline(
                                config("connection.database", null, "connection.database.prefix", "kafka_${topic")),
                        "connection.database.prefix"))
                .singleElement()
                .asString()
                .contains("without its closing }");
    }

    @Test
    void tableNameTagAndTtlAreAcceptedOverRest() {
        Config result = connector.validateOffline(
                config("connection.url", "jdbc:TAOS-RS://td1:6041", "table.name.tag", "device_id", "table.ttl", "30"));

        assertThat(allErrors(result)).isEmpty();
    }

    @Test
    void tableTtlWorksOverEveryTransport() {
        assertThat(allErrors(connector.validateOffline(config("table.ttl", "30"))))
                .isEmpty();
        assertThat(allErrors(
                        connector.validateOffline(config("connection.url", "jdbc:TAOS://td1:6030", "table.ttl", "30"))))
                .isEmpty();
    }

    @Test
    void aNegativeTableTtlIsAnError() {
        assertThat(errors(connector.validateOffline(config("table.ttl", "-1")), "table.ttl"))
                .singleElement()
                .asString()
                .contains("at least 0");
    }

    @Test
    void tableNameTagOverWebSocketIsAnErrorNamingTheTransportAndAValidUrl() {
        Config result = connector.validateOffline(
                config("connection.url", "jdbc:TAOS-WS://td1:6042", "table.name.tag", "device_id"));

        assertThat(errors(result, "table.name.tag"))
                .singleElement()
                .asString()
                .contains("table.name.tag is not available over WebSocket (jdbc:TAOS-WS://)")
                .contains("connection.url=jdbc:TAOS-RS://td1:6042");
    }

    @Test
    void tableNameTagOverNativeIsAnErrorNamingTheTransport() {
        Config result = connector.validateOffline(
                config("connection.url", "jdbc:TAOS://td1:6030", "table.name.tag", "device_id"));

        assertThat(errors(result, "table.name.tag"))
                .singleElement()
                .asString()
                .contains("table.name.tag is not available over native connections (jdbc:TAOS://)")
                .contains("connection.url=jdbc:TAOS-RS://td1:6041");
    }

    @Test
    void aBlankTableNameTagMeansGeneratedNames() {
        assertThat(allErrors(connector.validateOffline(config("table.name.tag", "  "))))
                .isEmpty();
    }

    @Test
    void anSmtWritingAnotherProtocolIsAnErrorOnDbSchemalessNamingTheTransform() {
        Config result = connector.validateOffline(config(
                "db.schemaless",
                "telnet",
                "transforms",
                "encode",
                "transforms.encode.type",
                "com.taosdata.kafka.connect.transforms.ToLineProtocol$Value"));

        assertThat(errors(result, "db.schemaless"))
                .singleElement()
                .asString()
                .isEqualTo("db.schemaless is 'telnet' but transform 'encode' (ToLineProtocol$Value) writes line; "
                        + "set db.schemaless=line");
    }

    @Test
    void anSmtWritingTheSinksProtocolIsFine() {
        Config result = connector.validateOffline(config(
                "db.schemaless",
                "json",
                "transforms",
                "mask, encode",
                "transforms.mask.type",
                "org.apache.kafka.connect.transforms.MaskField$Value",
                "transforms.encode.type",
                "com.taosdata.kafka.connect.transforms.ToOpenTsdbJson$Value"));

        assertThat(allErrors(result)).isEmpty();
    }

    @Test
    void anSmtEncodingTheKeyDoesNotDecideTheValuesProtocol() {
        Config result = connector.validateOffline(config(
                "db.schemaless",
                "telnet",
                "transforms",
                "key",
                "transforms.key.type",
                "com.taosdata.kafka.connect.transforms.ToLineProtocol$Key"));

        assertThat(allErrors(result)).isEmpty();
    }

    @Test
    void anSmtTableNameFieldNeedsTheSameTableNameTag() {
        Map<String, String> props = config(
                "connection.url",
                "jdbc:TAOS-RS://td1:6041",
                "transforms",
                "encode",
                "transforms.encode.type",
                "com.taosdata.kafka.connect.transforms.ToLineProtocol$Value",
                "transforms.encode.table.name.field",
                "device.id");

        assertThat(errors(connector.validateOffline(props), "table.name.tag"))
                .singleElement()
                .asString()
                .isEqualTo("transform 'encode' writes the table name as tag 'device_id' (its table.name.field) but "
                        + "table.name.tag is empty; set table.name.tag=device_id");
        props.put("table.name.tag", "device_id");
        assertThat(allErrors(connector.validateOffline(props))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"telnet", "json"})
    void timestampMissingRecordWithAnOpenTsdbProtocolIsAnErrorOnTimestampMissingNamingTheProtocol(String protocol) {
        Config result = connector.validateOffline(config("db.schemaless", protocol, "timestamp.missing", "record"));

        assertThat(errors(result, "timestamp.missing"))
                .singleElement()
                .asString()
                .isEqualTo("timestamp.missing=record applies to line protocol only, but db.schemaless is '" + protocol
                        + "', whose data points always carry a timestamp; set timestamp.missing=server");
        assertThat(errors(result, "db.schemaless")).isEmpty();
        assertThat(allErrors(
                        connector.validateOffline(config("db.schemaless", protocol, "timestamp.missing", "server"))))
                .isEmpty();
    }

    @Test
    void timestampMissingRecordWithLineProtocolIsFineAlsoBehindTheLineProtocolSmt() {
        assertThat(allErrors(connector.validateOffline(config("timestamp.missing", "record"))))
                .isEmpty();
        assertThat(allErrors(connector.validateOffline(config(
                        "timestamp.missing",
                        "record",
                        "transforms",
                        "encode",
                        "transforms.encode.type",
                        "com.taosdata.kafka.connect.transforms.ToLineProtocol$Value"))))
                .isEmpty();
    }

    @Test
    void anUnknownTimestampMissingValueIsAnErrorOnItsKey() {
        assertThat(errors(connector.validateOffline(config("timestamp.missing", "kafka")), "timestamp.missing"))
                .singleElement()
                .asString()
                .contains("server")
                .contains("record");
    }

    @Test
    void anInvalidDatabaseIsAnErrorOnTheDatabase() {
        Config result = connector.validateOffline(config("connection.database", "power-db"));

        assertThat(errors(result, "connection.database"))
                .singleElement()
                .asString()
                .contains("power-db");
        assertThat(errors(result, "connection.database.prefix")).isEmpty();
    }

    @Test
    void topicsRegexSkipsTheNameCheck() {
        Config result =
                connector.validateOffline(config("connection.database", null, "topics", null, "topics.regex", "1.*"));

        assertThat(allErrors(result)).isEmpty();
    }

    @Test
    void withTopicsRegexAnInvalidDatabaseIsStillAnErrorOnTheDatabase() {
        Config result = connector.validateOffline(
                config("connection.database", "power-db", "topics", null, "topics.regex", "m.*"));

        assertThat(errors(result, "connection.database"))
                .singleElement()
                .asString()
                .contains("power-db");
    }

    @Test
    void withTopicsRegexAPrefixNoTopicCanRepairIsAnErrorOnThePrefix() {
        Config result = connector.validateOffline(config(
                "connection.database",
                null,
                "connection.database.prefix",
                "1_${topic}",
                "topics",
                null,
                "topics.regex",
                "m.*"));

        assertThat(errors(result, "connection.database.prefix"))
                .singleElement()
                .asString()
                .contains("must not start with a digit");
    }

    @Test
    void singleKeyErrorsLandOnTheirKeyAndValidationNeverThrows() {
        Config result = connector.validateOffline(
                config("connection.url", "jdbc:postgresql://h:5432", "batch.size", "lots", "data.precision", "s"));

        assertThat(errors(result, "connection.url")).singleElement().asString().contains("unknown scheme");
        assertThat(errors(result, "batch.size")).isNotEmpty();
        assertThat(errors(result, "data.precision")).isNotEmpty();
        assertThat(errors(result, "db.schemaless")).isEmpty();
    }

    @Test
    void aMissingUrlIsAnErrorOnTheUrl() {
        assertThat(errors(connector.validateOffline(config("connection.url", null)), "connection.url"))
                .isNotEmpty();
    }

    @Test
    void offlineValidationDoesNotReachTDengine() throws IOException {
        Config result = connector.validateOffline(config("connection.url", "jdbc:TAOS-RS://127.0.0.1:" + closedPort()));

        assertThat(allErrors(result)).isEmpty();
    }

    @Test
    void validateWithANativeUrlAndNoClientLibraryNamesTheWebSocketAlternative() {
        System.setProperty("java.library.path", emptyDir.toString());

        Config result = connector.validate(config("connection.url", "jdbc:TAOS://td1:6030"));

        assertThat(errors(result, "connection.url"))
                .singleElement()
                .asString()
                .contains("jdbc:TAOS-WS://td1:6041")
                .contains(System.mapLibraryName("taos"));
    }

    @Test
    void validateWithAnUnreachableRestUrlIsAnErrorOnTheUrl() throws IOException {
        int port = closedPort();

        Config result = connector.validate(
                config("connection.url", "jdbc:TAOS-RS://127.0.0.1:" + port, "db.schemaless", "telnet"));

        assertThat(errors(result, "connection.url"))
                .singleElement()
                .asString()
                .contains("cannot reach TDengine")
                .contains("127.0.0.1:" + port);
    }

    @Test
    void validateDoesNotConnectWhenTheConfigIsAlreadyInvalid() throws IOException {
        Config result = connector.validate(
                config("connection.url", "jdbc:TAOS-RS://127.0.0.1:" + closedPort(), "connection.database", "bad-db"));

        assertThat(errors(result, "connection.url")).isEmpty();
        assertThat(errors(result, "connection.database")).isNotEmpty();
    }

    @Test
    void validateAgainstAReachableTDengineHasNoErrors() throws IOException {
        try (FakeTaosAdapter adapter = new FakeTaosAdapter()) {
            Config result = connector.validate(config("connection.url", adapter.url()));

            assertThat(allErrors(result)).isEmpty();
            assertThat(adapter.bodiesTo("/rest/sql")).contains("SELECT 1");
        }
    }

    @Test
    void anExistingDatabaseWithAnotherPrecisionIsAnErrorOnDataPrecisionForLineProtocol() throws IOException {
        try (FakeTaosAdapter adapter = new FakeTaosAdapter()) {
            adapter.precision = "ms";

            Config result = connector.validate(config("connection.url", adapter.url()));

            assertThat(errors(result, "data.precision"))
                    .singleElement()
                    .asString()
                    .contains("database power exists with precision 'ms'")
                    .contains("data.precision is 'ns'");
            assertThat(adapter.bodiesTo("/rest/sql"))
                    .contains("SELECT `precision` FROM information_schema.ins_databases WHERE name = 'power'");
        }
    }

    @Test
    void anUnexpectedServerAnswerIsAValidationErrorNotAnException() throws IOException {
        try (FakeTaosAdapter adapter = new FakeTaosAdapter()) {
            adapter.precision = "fortnights";

            Config result = connector.validate(config("connection.url", adapter.url()));

            assertThat(errors(result, "connection.url"))
                    .singleElement()
                    .asString()
                    .contains("fortnights");
        }
    }

    @Test
    void theDatabasePrecisionDoesNotMatterForOpenTsdbProtocols() throws IOException {
        try (FakeTaosAdapter adapter = new FakeTaosAdapter()) {
            adapter.precision = "ms";

            assertThat(allErrors(connector.validate(config("connection.url", adapter.url(), "db.schemaless", "json"))))
                    .isEmpty();
        }
    }

    @Test
    void rejectedCredentialsAreErrorsOnUserAndPasswordThatDoNotShowThePassword() throws IOException {
        try (FakeTaosAdapter adapter = new FakeTaosAdapter()) {
            adapter.sqlErrorCode = 0x357;

            Config result = connector.validate(config("connection.url", adapter.url()));

            assertThat(errors(result, "connection.user"))
                    .singleElement()
                    .asString()
                    .contains("rejected the credentials");
            assertThat(errors(result, "connection.password"))
                    .singleElement()
                    .asString()
                    .contains("rejected the credentials");
            assertThat(errors(result, "connection.url")).isEmpty();
            assertThat(allErrors(result))
                    .allSatisfy(message -> assertThat(message).doesNotContain(SECRET));
        }
    }

    @Test
    void thePasswordAppearsInNoLogLineAndNoValidationMessage() throws IOException {
        Config result;
        String logged;
        try (LogCapture log = new LogCapture()) {
            result = connector.validate(config("connection.url", "jdbc:TAOS-RS://127.0.0.1:" + closedPort()));
            connector.start(config());
            connector.stop();
            logged = log.text();
        }

        assertThat(allErrors(result))
                .isNotEmpty()
                .allSatisfy(message -> assertThat(message).doesNotContain(SECRET));
        assertThat(logged).doesNotContain(SECRET);
        assertThat(byName(result).get("connection.password").value().toString()).doesNotContain(SECRET);
    }

    @Test
    void validateAgainstATlsServerWhoseCertificateIsNotTrustedIsAnErrorOnTheUrlNamingTheTruststore() throws Exception {
        HttpsServer server = SelfSignedCertificate.create(emptyDir).serve(exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        try {
            int port = server.getAddress().getPort();

            Config result =
                    connector.validate(config("connection.url", "jdbc:TAOS-RS://localhost:" + port + "?useSSL=true"));

            assertThat(errors(result, "connection.url"))
                    .singleElement()
                    .asString()
                    .contains("the TLS certificate of taosAdapter at localhost:" + port
                            + " is not trusted by this worker")
                    .contains("-Djavax.net.ssl.trustStore=");
            assertThat(allErrors(result)).hasSize(1);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aTokenReplacesUserAndPasswordAndIsValidatedOffline() {
        assertThat(errors(
                        connector.validateOffline(config(
                                "connection.url",
                                "jdbc:TAOS-WS://gw.cloud:443?useSSL=true",
                                "connection.token",
                                TOKEN)),
                        "connection.token"))
                .singleElement()
                .asString()
                .contains("connection.token replaces connection.password");
        assertThat(allErrors(connector.validateOffline(config(
                        "connection.url",
                        "jdbc:TAOS-WS://gw.cloud:443?useSSL=true",
                        "connection.password",
                        null,
                        "connection.token",
                        TOKEN))))
                .isEmpty();
    }

    @Test
    void theTokenAppearsInNoLogLineAndNoValidationMessage() throws IOException {
        Map<String, String> props = config(
                "connection.url",
                "jdbc:TAOS-RS://127.0.0.1:" + closedPort() + "?useSSL=true",
                "connection.password",
                null,
                "connection.token",
                TOKEN);
        Config result;
        String logged;
        try (LogCapture log = new LogCapture()) {
            result = connector.validate(props);
            connector.start(props);
            connector.stop();
            logged = log.text();
        }

        assertThat(errors(result, "connection.url")).singleElement().asString().contains("cannot reach TDengine");
        assertThat(allErrors(result)).allSatisfy(message -> assertThat(message).doesNotContain(TOKEN));
        assertThat(logged).doesNotContain(TOKEN);
        assertThat(byName(result).get("connection.token").value().toString()).doesNotContain(TOKEN);
    }

    @Test
    void acceptsOffsetsAnOperatorSetsOrResets() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        offsets.put(new TopicPartition("meters", 0), 42L);
        offsets.put(new TopicPartition("meters", 1), 0L);
        offsets.put(new TopicPartition("meters", 2), null);
        assertThat(connector.alterOffsets(config(), offsets)).isTrue();
    }

    @Test
    void refusesANegativeOffsetNamingItsPartition() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        offsets.put(new TopicPartition("meters", 1), -5L);
        assertThatThrownBy(() -> connector.alterOffsets(config(), offsets))
                .isInstanceOf(ConnectException.class)
                .hasMessage("offsets not altered: a Kafka offset is 0 or more, got meters-1 at -5");
    }
}
