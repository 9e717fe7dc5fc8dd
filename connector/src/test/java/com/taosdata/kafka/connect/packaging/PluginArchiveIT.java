package com.taosdata.kafka.connect.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The plugin archive as the package phase made it: what Confluent Hub, Strimzi and a plugin.path unpack. */
class PluginArchiveIT {

    /** The date manifest.json carried when it was written by hand; a built one carries the build's day. */
    private static final String HAND_WRITTEN_DATE = "2026-11-24";

    private static final Path ZIP = Path.of(System.getProperty("tdconnect.plugin.zip"));
    private static final String DIR = System.getProperty("tdconnect.plugin.dir") + "/";

    @Test
    void theManifestCarriesTheProjectVersionAndTheBuildDate() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(entry("manifest.json"));

        assertThat(manifest.path("version").asText()).isEqualTo(System.getProperty("tdconnect.version"));
        assertThat(manifest.path("name").asText()).isEqualTo("kafka-connect-tdengine");
        String date = manifest.path("release_date").asText();
        assertThat(LocalDate.parse(date))
                .as("release_date is a yyyy-MM-dd date")
                .isNotNull();
        assertThat(date).isNotEqualTo(HAND_WRITTEN_DATE);
    }

    @Test
    void theArchiveShipsTheRepositorysLicenseAndTheStrimziExamples() throws IOException {
        assertThat(entry("doc/LICENSE")).isEqualTo(Files.readAllBytes(Path.of("..", "LICENSE")));
        assertThat(new String(entry("etc/strimzi/kafka-connector.yaml"), StandardCharsets.UTF_8))
                .contains("kind: KafkaConnector");
        assertThat(entry("etc/strimzi/kafka-connect.yaml")).isNotEmpty();
    }

    private static byte[] entry(String name) throws IOException {
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            ZipEntry entry = zip.getEntry(DIR + name);
            assertThat(entry).as("%s holds %s", ZIP.getFileName(), DIR + name).isNotNull();
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }
}
