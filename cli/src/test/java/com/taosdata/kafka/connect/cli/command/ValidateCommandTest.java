package com.taosdata.kafka.connect.cli.command;

import static com.taosdata.kafka.connect.cli.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.cli.testing.CliRun.Result;
import com.taosdata.kafka.connect.cli.testing.Golden;
import com.taosdata.kafka.connect.cli.testing.MockConnect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    private static final String ANSWER = "{\"name\":\"TDengineSinkConnector\",\"error_count\":2,\"configs\":["
            + "{\"definition\":{\"name\":\"tasks.max\",\"type\":\"INT\"},"
            + "\"value\":{\"name\":\"tasks.max\",\"value\":\"0\",\"errors\":[\"Value must be at least 1\"]}},"
            + "{\"definition\":{\"name\":\"connection.url\",\"type\":\"STRING\"},"
            + "\"value\":{\"name\":\"connection.url\",\"value\":\"x\",\"errors\":[\"not a TDengine URL\"]}},"
            + "{\"definition\":{\"name\":\"topics\",\"type\":\"LIST\"},"
            + "\"value\":{\"name\":\"topics\",\"value\":\"meters\",\"errors\":[]}}]}";

    /** The Strimzi examples the plugin ships in etc/strimzi. */
    private static final Path STRIMZI =
            Path.of(System.getProperty("tdconnect.plugin.etc.dir", "../connector/src/assembly/etc"), "strimzi");

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void onlineListsTheClustersErrors() throws IOException {
        Path file = write(
                "bad.properties", "name=bad\nconnector.class=TDengineSinkConnector\ntasks.max=0\ntopics=meters\n");
        try (MockConnect server = new MockConnect()) {
            server.answer(200, ANSWER);
            Result result = cli("validate", file.toString(), "--url", server.url());
            assertThat(result.code()).isEqualTo(1);
            var request = server.request();
            assertThat(request.getPath()).isEqualTo("/connector-plugins/TDengineSinkConnector/config/validate");
            assertThat(request.getBody().readUtf8()).contains("\"tasks.max\":\"0\"");
            Golden.assertMatches("validate-online.txt", result.out().replace(dir.toString(), "DIR"));
        }
    }

    @Test
    void onlineUnknownPluginIsAnErrorOnConnectorClass() throws IOException {
        Path file = write("x.json", "{\"name\":\"x\",\"config\":{\"connector.class\":\"com.example.Nope\"}}");
        try (MockConnect server = new MockConnect()) {
            server.error(
                    400, "Failed to find any class that implements Connector and which name matches com.example.Nope");
            Result result = cli("validate", file.toString(), "--url", server.url());
            assertThat(result.code()).isEqualTo(1);
            assertThat(result.out())
                    .isEqualTo(file + ": connector.class: the cluster rejected it: Failed to find any "
                            + "class that implements Connector and which name matches com.example.Nope\n");
        }
    }

    @Test
    void offlineTouchesNoNetwork() throws IOException {
        Path file = write(
                "ok.properties",
                "name=ok\nconnector.class=TDengineSinkConnector\ntopics=meters\n"
                        + "connection.url=jdbc:TAOS://127.0.0.1:6030\nconnection.database=power\ndb.schemaless=line\n");
        try (MockConnect server = new MockConnect()) {
            Result result = cli("validate", "--offline", file.toString(), "--url", server.url());
            assertThat(server.requestCount()).isZero();
            assertThat(result.code()).as(result.out()).isZero();
            assertThat(result.out()).isEqualTo(file + ": OK\n");
        }
    }

    @Test
    void offlineCatchesAnSmtWritingAnotherProtocolAndATableNameTagOverNative() throws IOException {
        Path file = write(
                "mismatch.properties",
                "name=mismatch\nconnector.class=TDengineSinkConnector\ntopics=iot.meters\n"
                        + "connection.url=jdbc:TAOS://td1:6030\ndb.schemaless=telnet\ntable.name.tag=device_id\n"
                        + "transforms=encode\ntransforms.encode.type=com.taosdata.kafka.connect.transforms.ToLineProtocol$Value\n"
                        + "transforms.encode.table.name.field=device_id\n");

        Result result = cli("validate", "--offline", file.toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out())
                .contains(
                        "db.schemaless: db.schemaless is 'telnet' but transform 'encode' (ToLineProtocol$Value) writes"
                                + " line; set db.schemaless=line")
                .contains("table.name.tag: table.name.tag is not available over native connections (jdbc:TAOS://)")
                .doesNotContain("connection.database");
    }

    @Test
    void offlineCatchesATokenOverTheNativeClientNextToAPasswordWithoutPrintingEither() throws IOException {
        Path file = write(
                "cloud.properties",
                "name=cloud\nconnector.class=TDengineSourceConnector\n"
                        + "connection.url=jdbc:TAOS://td1:6030\nconnection.database=power\nread.method=query\n"
                        + "connection.password=pw-secret-5\nconnection.token=tok-secret-8\n");

        Result result = cli("validate", "--offline", file.toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out())
                .isEqualTo(file + ": connection.token: connection.token needs a WebSocket (jdbc:TAOS-WS://)"
                        + " or REST (jdbc:TAOS-RS://) connection.url: the native client has no token login\n"
                        + file
                        + ": connection.token: connection.token replaces connection.password: set one way to log in, the"
                        + " token or the user and password\n");
    }

    @Test
    void offlineCatchesTimestampMissingRecordWithAnOpenTsdbProtocol() throws IOException {
        Path file = write(
                "stamped.properties",
                "name=stamped\nconnector.class=TDengineSinkConnector\ntopics=meters\n"
                        + "connection.url=jdbc:TAOS://td1:6030\nconnection.database=power\ndb.schemaless=json\n"
                        + "timestamp.missing=record\n");

        Result result = cli("validate", "--offline", file.toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out())
                .isEqualTo(file + ": timestamp.missing: timestamp.missing=record applies to line protocol"
                        + " only, but db.schemaless is 'json', whose data points always carry a timestamp; set"
                        + " timestamp.missing=server\n");
    }

    @Test
    void offlineTextAndJsonListEveryFile() throws IOException {
        write(
                "a-good.properties",
                "name=good\nconnector.class=TDengineSinkConnector\ntopics=meters\n"
                        + "connection.url=jdbc:TAOS://127.0.0.1:6030\nconnection.database=power\ndb.schemaless=line\n"
                        + "connection.password=${file:/etc/tdconnect/secrets.properties:password}\n");
        write(
                "b-bad.json",
                "{\"name\":\"bad\",\"config\":{\"connector.class\":\"TDengineSinkConnector\","
                        + "\"tasks.max\":\"0\",\"topics\":\"m\",\"topics.regex\":\"m.*\",\"connection.url\":\"jdbc:TAOS://h:6030\","
                        + "\"connection.database\":\"power\",\"db.schemaless\":\"line\",\"errors.tolerance\":\"some\","
                        + "\"transforms\":\"cast\",\"value.converter\":\"io.confluent.connect.avro.AvroConverter\"}}");
        write("c-broken.json", "{\"name\": ");
        String[] files = {
            dir.resolve("a-good.properties").toString(),
            dir.resolve("b-bad.json").toString(),
            dir.resolve("c-broken.json").toString()
        };
        Result text = cli(concat(new String[] {"validate", "--offline"}, files));
        assertThat(text.code()).isEqualTo(1);
        Golden.assertMatches("validate-offline.txt", text.out().replace(dir.toString(), "DIR"));
        Result json = cli(concat(new String[] {"validate", "--offline", "-o", "json"}, files));
        assertThat(json.code()).isEqualTo(1);
        Golden.assertMatches("validate-offline.json", json.out().replace(dir.toString(), "DIR"));
    }

    @Test
    void missingFileIsAUsageError() {
        Result result = cli("validate", "--offline", "/no/such/file.properties");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("/no/such/file.properties: no such file");
    }

    @Test
    void unsupportedExtensionIsAUsageError() throws IOException {
        Path file = write("c.txt", "name: x\n");
        Result result = cli("validate", "--offline", file.toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err())
                .contains(file + ": unsupported file type; use .properties, .json or .yaml (KafkaConnector)");
    }

    @Test
    void offlineAcceptsTheShippedKafkaConnectorWithItsSecretReference() {
        Result result = cli(
                "validate", "--offline", STRIMZI.resolve("kafka-connector.yaml").toString());

        assertThat(result.code()).as(result.out()).isZero();
        assertThat(result.out())
                .isEqualTo(STRIMZI.resolve("kafka-connector.yaml") + "#1: connection.password: warning:"
                        + " config provider reference: the worker resolves it, so its value is not checked offline\n"
                        + STRIMZI.resolve("kafka-connector.yaml") + "#1: OK\n");
    }

    @Test
    void offlineSkipsEveryDocumentOfTheShippedKafkaConnectFile() {
        Path file = STRIMZI.resolve("kafka-connect.yaml");

        Result result = cli("validate", "--offline", file.toString());

        assertThat(result.code()).as(result.out()).isZero();
        assertThat(result.out())
                .isEqualTo(file
                        + "#1: skipped: KafkaConnect tdengine-connect is not a KafkaConnector; validate checks connectors only\n"
                        + file
                        + "#2: skipped: Role tdengine-connect-secrets is not a KafkaConnector; validate checks connectors only\n"
                        + file
                        + "#3: skipped: RoleBinding tdengine-connect-secrets is not a KafkaConnector; validate checks"
                        + " connectors only\n");
    }

    @Test
    void offlineYamlAppliesTheSameRulesAsPropertiesPerDocument() throws IOException {
        String connector = """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaConnector
                metadata:
                  name: NAME
                  labels:
                    strimzi.io/cluster: connect
                spec:
                  class: TDengineSinkConnector
                  tasksMax: TASKS
                  state: STATE
                  config:
                    topics: meters
                    connection.url: jdbc:TAOS-WS://td:6041
                    connection.database.prefix: PREFIX
                """;
        Path file = write(
                "connectors.yaml",
                String.join(
                        "---\n",
                        connector
                                .replace("NAME", "good")
                                .replace("TASKS", "1")
                                .replace("STATE", "stopped")
                                .replace("PREFIX", "kafka_${topic}"),
                        connector
                                .replace("NAME", "typo")
                                .replace("TASKS", "0")
                                .replace("STATE", "sleeping")
                                .replace("PREFIX", "kafka_${topc}"),
                        connector
                                .replace("NAME", "provided")
                                .replace("TASKS", "1")
                                .replace("STATE", "running")
                                .replace("PREFIX", "${env:PREFIX}"),
                        "apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaConnector\nmetadata:\n  name: classless\nspec:\n"
                                + "  config: {}\n",
                        "apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaConnect\nmetadata:\n  name: connect\n",
                        "kind: [\n"));

        Result text = cli("validate", "--offline", file.toString());
        assertThat(text.code()).isEqualTo(1);
        Golden.assertMatches("validate-offline-yaml.txt", text.out().replace(dir.toString(), "DIR"));
        Result json = cli("validate", "--offline", "-o", "json", file.toString());
        Golden.assertMatches("validate-offline-yaml.json", json.out().replace(dir.toString(), "DIR"));
    }

    @Test
    void onlineSendsAKafkaConnectorAsTheConfigTheOperatorWouldAndKeepsItsResourceFindings() throws IOException {
        Path file = write(
                "c.yaml",
                "apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaConnector\nmetadata:\n"
                        + "  name: sink\nspec:\n  class: TDengineSinkConnector\n  tasksMax: 2\n  state: Stopped\n"
                        + "  config:\n    topics: meters\n");
        try (MockConnect server = new MockConnect()) {
            server.answer(200, "{\"name\":\"TDengineSinkConnector\",\"error_count\":0,\"configs\":[]}");

            Result result = cli("validate", file.toString(), "--url", server.url());

            assertThat(server.request().getBody().readUtf8())
                    .contains(
                            "\"connector.class\":\"TDengineSinkConnector\"",
                            "\"tasks.max\":\"2\"",
                            "\"name\":\"sink\"",
                            "\"topics\":\"meters\"");
            assertThat(result.code()).isEqualTo(1);
            assertThat(result.out())
                    .contains(file + "#1: spec.state: 'Stopped' is not a state Strimzi knows")
                    .contains(file + "#1: metadata.labels: warning: no strimzi.io/cluster label");
        }
    }

    @Test
    void deployLeavesKafkaConnectorYamlToTheOperator() {
        Result result =
                cli("deploy", STRIMZI.resolve("kafka-connector.yaml").toString(), "--url", "http://127.0.0.1:1");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("KafkaConnector YAML is deployed by the Strimzi operator");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
