package com.taosdata.kafka.connect.cli.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.taosdata.kafka.connect.cli.config.ConfigDocument;
import com.taosdata.kafka.connect.cli.config.ConnectorFile;
import com.taosdata.kafka.connect.cli.config.ConnectorFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.connect.connector.Connector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample config the plugin ships in etc/ must pass {@code validate --offline} with the bundled connectors, the
 * Strimzi KafkaConnectors in etc/strimzi included.
 */
class SampleConfigsTest {

    private static final Path ETC =
            Path.of(System.getProperty("tdconnect.plugin.etc.dir", "../connector/src/assembly/etc"));

    static Stream<Path> samples() throws IOException {
        return list(ETC, ".properties");
    }

    static Stream<Path> strimziSamples() throws IOException {
        return list(ETC.resolve("strimzi"), ".yaml");
    }

    private static Stream<Path> list(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> samples =
                    files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
            return samples.stream();
        }
    }

    @Test
    void thereAreSamples() throws IOException {
        assertThat(samples()).isNotEmpty();
        assertThat(strimziSamples())
                .extracting(p -> p.getFileName().toString())
                .containsExactly("kafka-connect.yaml", "kafka-connector.yaml");
    }

    @ParameterizedTest
    @MethodSource("strimziSamples")
    void everyKafkaConnectorOfAStrimziSamplePassesOfflineValidation(Path sample) {
        for (ConfigDocument document : ConnectorFileReader.readDocuments(sample.toString())) {
            assertThat(document).isNotInstanceOf(ConfigDocument.Broken.class);
            if (document instanceof ConnectorFile file) {
                Report report = new OfflineValidator(Plugins.bundled()).validate(file);
                assertThat(report.errors()).as(file.file()).isEmpty();
            }
        }
    }

    @Test
    void theStrimziConnectorIsTheTutorialsSinkWithThePasswordFromASecret() {
        ConnectorFile tutorial =
                ConnectorFileReader.read(ETC.resolve("sink-demo.properties").toString());
        ConnectorFile strimzi = (ConnectorFile) ConnectorFileReader.readDocuments(
                        ETC.resolve("strimzi").resolve("kafka-connector.yaml").toString())
                .get(0);

        assertThat(strimzi.config().keySet()).isEqualTo(tutorial.config().keySet());
        assertThat(strimzi.config().get("connection.password")).matches("\\$\\{secrets:[^/:]+/[^/:]+:password}");
        // Only the URL differs: the Strimzi image has no TDengine client library, so it writes over WebSocket.
        Map<String, String> same = new HashMap<>(strimzi.config());
        same.keySet().removeAll(Set.of("connection.password", "connection.url"));
        assertThat(tutorial.config()).containsAllEntriesOf(same);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void samplePassesOfflineValidation(Path sample) {
        var file = ConnectorFileReader.read(sample.toString());
        String connectorClass = Plugins.bundled().resolveConnector(file.connectorClass());
        assumeTrue(
                Plugins.bundled().load(connectorClass, Connector.class).isPresent(),
                connectorClass + " is not built yet, so its samples cannot be validated");
        Report report = new OfflineValidator(Plugins.bundled()).validate(file);
        assertThat(report.errors()).as(sample.toString()).isEmpty();
    }
}
