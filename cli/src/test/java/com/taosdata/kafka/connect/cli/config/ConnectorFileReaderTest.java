package com.taosdata.kafka.connect.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.taosdata.kafka.connect.cli.error.CliException;

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
        ConnectorFile file = ConnectorFileReader.read(write("a.json",
                "{\"name\":\"a\",\"config\":{\"connector.class\":\"X\",\"tasks.max\":2,\"errors.log.enable\":true}}"));
        assertThat(file.name()).isEqualTo("a");
        assertThat(file.config()).containsEntry("name", "a").containsEntry("tasks.max", "2")
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
        assertThatThrownBy(() -> ConnectorFileReader.read(path)).isInstanceOf(ConfigFileException.class)
                .hasMessage(path + ": name: \"a\" outside config differs from \"b\" inside it; the worker would reject it");
    }

    @Test
    void nestedValuesAreRejectedNamingTheKey() throws IOException {
        String path = write("a.json", "{\"name\":\"a\",\"topics\":[\"x\"]}");
        assertThatThrownBy(() -> ConnectorFileReader.read(path)).isInstanceOf(ConfigFileException.class)
                .hasMessage(path + ": topics: expected a string, number or boolean, got a JSON array");
    }

    @Test
    void malformedJsonNamesTheLine() throws IOException {
        String path = write("a.json", "{\n\"name\": \"a\",\n\"x\" 1}");
        assertThatThrownBy(() -> ConnectorFileReader.read(path)).isInstanceOf(ConfigFileException.class)
                .hasMessageStartingWith(path + ": (file): malformed JSON at line 3");
    }

    @Test
    void jsonThatIsNotAnObject() throws IOException {
        String path = write("a.json", "[1]");
        assertThatThrownBy(() -> ConnectorFileReader.read(path)).isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("expected a JSON object");
    }

    @Test
    void missingFileAndWrongExtensionAreUsageErrors() throws IOException {
        assertThatThrownBy(() -> ConnectorFileReader.read(dir.resolve("nope.properties").toString()))
                .isInstanceOf(CliException.class).extracting("exitCode").isEqualTo(2);
        String yaml = write("a.yaml", "name: a");
        assertThatThrownBy(() -> ConnectorFileReader.read(yaml)).isInstanceOf(CliException.class)
                .hasMessage(yaml + ": unsupported file type; use .properties or .json");
    }
}
