package com.taosdata.kafka.connect.it.bench;

import com.taosdata.kafka.connect.it.bench.floor.DiscardingSinkConnector;
import com.taosdata.kafka.connect.it.bench.floor.ReplaySourceConnector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The benchmark's own connectors ({@code bench.floor}: {@link DiscardingSinkConnector}, {@link ReplaySourceConnector})
 * as a plugin a worker loads from its {@code plugin.path}: their compiled classes copied into a directory of their
 * own, with the ServiceLoader manifests the workers' {@code plugin.discovery=service_load} reads.
 */
final class FloorPlugin {

    private FloorPlugin() {}

    /** Installs the plugin under {@code work} and returns the directory to add to {@code plugin.path}. */
    static Path install(Path work) {
        try {
            Path classes = Path.of(DiscardingSinkConnector.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            String packagePath = DiscardingSinkConnector.class.getPackageName().replace('.', '/');
            Path top = work.resolve("floor-plugins");
            Path plugin = top.resolve("floor");
            Path target = plugin.resolve(packagePath);
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(classes.resolve(packagePath))) {
                for (Path file : files.toList()) {
                    Files.copy(
                            file, target.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path services = Files.createDirectories(plugin.resolve("META-INF/services"));
            Files.write(
                    services.resolve("org.apache.kafka.connect.sink.SinkConnector"),
                    List.of(DiscardingSinkConnector.class.getName()));
            Files.write(
                    services.resolve("org.apache.kafka.connect.source.SourceConnector"),
                    List.of(ReplaySourceConnector.class.getName()));
            return top;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
