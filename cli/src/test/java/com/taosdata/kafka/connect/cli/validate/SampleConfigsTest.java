package com.taosdata.kafka.connect.cli.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.connect.connector.Connector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.taosdata.kafka.connect.cli.config.ConnectorFileReader;

/** Every sample config the plugin ships in etc/ must pass {@code validate --offline} with the bundled connectors. */
class SampleConfigsTest {

    static Stream<Path> samples() throws IOException {
        Path etc = Path.of(System.getProperty("tdconnect.plugin.etc.dir", "../connector/src/assembly/etc"));
        try (Stream<Path> files = Files.list(etc)) {
            List<Path> samples = files.filter(p -> p.toString().endsWith(".properties")).sorted().toList();
            return samples.stream();
        }
    }

    @Test
    void thereAreSamples() throws IOException {
        assertThat(samples()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void samplePassesOfflineValidation(Path sample) {
        var file = ConnectorFileReader.read(sample.toString());
        String connectorClass = Plugins.bundled().resolveConnector(file.connectorClass());
        assumeTrue(Plugins.bundled().load(connectorClass, Connector.class).isPresent(),
                connectorClass + " is not built yet, so its samples cannot be validated");
        Report report = new OfflineValidator(Plugins.bundled()).validate(file);
        assertThat(report.errors()).as(sample.toString()).isEmpty();
    }
}
