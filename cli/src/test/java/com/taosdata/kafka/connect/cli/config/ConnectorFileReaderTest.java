package com.taosdata.kafka.connect.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.cli.error.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorFileReaderTest {

    @TempDir
    Path dir;

    private String write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file.toString();
    }

    @Test
    void properties() throws IOException {
        ConnectorFile file = ConnectorFileReader.read(write("a.properties", "name=a\nconnector.class=X\n# comment\n"));
        assertThat(file.name()).isEqualTo("a");
        assertThat(file.config()).containsOnlyKeys("name", "connector.class");
    }

    @Test
    void jsonEnvelopeLikeTheRestApi() throws IOException {
        ConnectorFile file = ConnectorFileReader.read(write(
                "a.json",
                "{\"name\":\"a\",\"config\":{\"connector.class\":\"X\",\"tasks.max\":2,\"errors.log.enable\":true}}"));
        assertThat(file.name()).isEqualTo("a");
        assertThat(file.config())
                .containsEntry("name", "a")
                .containsEntry("tasks.max", "2")
                .containsEntry("errors.log.enable", "true");
    }

    @Test
    void flatJsonMap() throws IOException {
        ConnectorFile file = ConnectorFileReader.read(write("a.json", "{\"name\":\"a\",\"connector.class\":\"X\"}"));
        assertThat(file.config()).containsEntry("connector.class", "X");
    }

    @Test
    void envelopeNameMustMatchConfigName() throws IOException {
        String path = write("a.json", "{\"name\":\"a\",\"config\":{\"name\":\"b\"}}");
        assertThatThrownBy(() -> ConnectorFileReader.read(path))
                .isInstanceOf(ConfigFileException.class)
                .hasMessage(
                        path + ": name: \"a\" outside config differs from \"b\" inside it; the worker would reject it");
    }

    @Test
    void nestedValuesAreRejectedNamingTheKey() throws IOException {
        String path = write("a.json", "{\"name\":\"a\",\"topics\":[\"x\"]}");
        assertThatThrownBy(() -> ConnectorFileReader.read(path))
                .isInstanceOf(ConfigFileException.class)
                .hasMessage(path + ": topics: expected a string, number or boolean, got a JSON array");
    }

    @Test
    void malformedJsonNamesTheLine() throws IOException {
        String path = write("a.json", "{\n\"name\": \"a\",\n\"x\" 1}");
        assertThatThrownBy(() -> ConnectorFileReader.read(path))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageStartingWith(path + ": (file): malformed JSON at line 3");
    }

    @Test
    void jsonThatIsNotAnObject() throws IOException {
        String path = write("a.json", "[1]");
        assertThatThrownBy(() -> ConnectorFileReader.read(path))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("expected a JSON object");
    }

    @Test
    void missingFileAndWrongExtensionAreUsageErrors() throws IOException {
        assertThatThrownBy(() ->
                        ConnectorFileReader.read(dir.resolve("nope.properties").toString()))
                .isInstanceOf(CliException.class)
                .extracting("exitCode")
                .isEqualTo(2);
        String text = write("a.txt", "name: a");
        assertThatThrownBy(() -> ConnectorFileReader.read(text))
                .isInstanceOf(CliException.class)
                .hasMessage(text + ": unsupported file type; use .properties or .json");
        assertThatThrownBy(() -> ConnectorFileReader.readDocuments(text))
                .isInstanceOf(CliException.class)
                .hasMessage(text + ": unsupported file type; use .properties, .json or .yaml (KafkaConnector)");
    }

    @Test
    void yamlIsForValidationOnlyAsTheOperatorDeploysKafkaConnectors() throws IOException {
        String yaml = write("a.yaml", CONNECTOR);
        assertThatThrownBy(() -> ConnectorFileReader.read(yaml))
                .isInstanceOf(CliException.class)
                .extracting("exitCode")
                .isEqualTo(2);
    }

    private static final String CONNECTOR = """
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaConnector
            metadata:
              name: sink
              labels:
                strimzi.io/cluster: connect
            spec:
              class: TDengineSinkConnector
              tasksMax: 2
              state: paused
              config:
                topics: meters
                batch.size: 500
                errors.log.enable: true
                connection.password: "${secrets:kafka/td:password}"
            """;

    @Test
    void aKafkaConnectorBecomesTheConfigTheOperatorWouldSend() throws IOException {
        List<ConfigDocument> documents = ConnectorFileReader.readDocuments(write("c.yaml", CONNECTOR));

        assertThat(documents).singleElement().isInstanceOfSatisfying(ConnectorFile.class, file -> {
            assertThat(file.file()).endsWith("c.yaml#1");
            assertThat(file.name()).isEqualTo("sink");
            assertThat(file.config())
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "name",
                            "sink",
                            "connector.class",
                            "TDengineSinkConnector",
                            "tasks.max",
                            "2",
                            "topics",
                            "meters",
                            "batch.size",
                            "500",
                            "errors.log.enable",
                            "true",
                            "connection.password",
                            "${secrets:kafka/td:password}"));
            assertThat(file.remarks()).isEmpty();
        });
    }

    @Test
    void everyDocumentIsNumberedAndOtherKindsAreSkipped() throws IOException {
        String path = write(
                "many.yml",
                "apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaConnect\nmetadata:\n" + "  name: connect\n---\n"
                        + CONNECTOR + "---\n" + CONNECTOR.replace("name: sink", "name: other"));

        List<ConfigDocument> documents = ConnectorFileReader.readDocuments(path);

        assertThat(documents).extracting(ConfigDocument::file).containsExactly(path + "#1", path + "#2", path + "#3");
        assertThat(documents.get(0))
                .isEqualTo(new ConfigDocument.Skipped(
                        path + "#1", "KafkaConnect connect is not a KafkaConnector; validate checks connectors only"));
        assertThat(documents.subList(1, 3))
                .extracting(d -> ((ConnectorFile) d).name())
                .containsExactly("sink", "other");
    }

    @Test
    void resourceFieldsStrimziRejectsAreRemarksOnTheirPath() throws IOException {
        String path = write(
                "r.yaml",
                CONNECTOR
                        .replace("kafka.strimzi.io/v1beta2", "v1")
                        .replace("state: paused", "state: Running")
                        .replace("strimzi.io/cluster", "app")
                        .replace("topics: meters", "topics: meters\n    connector.class: Other\n    tasks.max: 3"));

        ConnectorFile file =
                (ConnectorFile) ConnectorFileReader.readDocuments(path).get(0);

        assertThat(file.remarks())
                .containsExactlyInAnyOrder(
                        Remark.error("apiVersion", "'v1': a KafkaConnector is kafka.strimzi.io/v1beta2"),
                        Remark.error(
                                "spec.state", "'Running' is not a state Strimzi knows: use running, paused, stopped"),
                        Remark.warning(
                                "metadata.labels",
                                "no strimzi.io/cluster label: the operator deploys a KafkaConnector"
                                        + " only on the KafkaConnect that label names"),
                        Remark.error(
                                "connector.class", "cannot be set in spec.config: Strimzi sets it from spec.class"),
                        Remark.error("tasks.max", "cannot be set in spec.config: Strimzi sets it from spec.tasksMax"));
        assertThat(file.config())
                .containsEntry("connector.class", "TDengineSinkConnector")
                .containsEntry("tasks.max", "2");
    }

    @Test
    void documentsThatAreNoConnectorNameTheirNumberAndTheFieldAtFault() throws IOException {
        String path = write(
                "bad.yaml",
                CONNECTOR.replace("  class: TDengineSinkConnector\n", "") + "---\n- a list\n"
                        + "---\nmetadata:\n  name: x\n---\n" + CONNECTOR.replace("topics: meters", "topics: [a, b]"));

        assertThat(ConnectorFileReader.readDocuments(path))
                .containsExactly(
                        new ConfigDocument.Broken(
                                path + "#1",
                                "spec.class",
                                "missing: every connector needs the class (or alias) of its connector"),
                        new ConfigDocument.Broken(
                                path + "#2",
                                "(document)",
                                "expected a Kubernetes resource (a mapping with"
                                        + " apiVersion, kind, metadata and spec), got a list"),
                        new ConfigDocument.Broken(
                                path + "#3",
                                "kind",
                                "missing: expected a Strimzi resource of kind" + " KafkaConnector"),
                        new ConfigDocument.Broken(
                                path + "#4", "topics", "expected a string, number or boolean, got a YAML" + " array"));
    }

    @Test
    void malformedYamlNamesTheDocumentAndTheLineAfterTheDocumentsBeforeIt() throws IOException {
        String path = write("broken.yaml", CONNECTOR + "---\nkind: KafkaConnector\nspec: [unclosed\n");

        List<ConfigDocument> documents = ConnectorFileReader.readDocuments(path);

        assertThat(documents).hasSize(2);
        assertThat(documents.get(0)).isInstanceOf(ConnectorFile.class);
        assertThat(documents.get(1)).isInstanceOfSatisfying(ConfigDocument.Broken.class, broken -> {
            assertThat(broken.file()).isEqualTo(path + "#2");
            assertThat(broken.detail()).startsWith("malformed YAML at line ");
        });
    }

    @Test
    void anEmptyYamlFileIsAnError() throws IOException {
        String path = write("empty.yaml", "# nothing\n");
        assertThatThrownBy(() -> ConnectorFileReader.readDocuments(path))
                .isInstanceOf(ConfigFileException.class)
                .hasMessage(path + ": (file): no YAML document in it; expected KafkaConnector resources");
    }
}
