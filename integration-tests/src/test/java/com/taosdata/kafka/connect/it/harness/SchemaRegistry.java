package com.taosdata.kafka.connect.it.harness;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real schema registry: Apicurio Registry 3.0.9 (in-memory storage) as a child process on a loopback port. It serves
 * Apicurio's v2 API, which Apicurio's Connect converter speaks, and the Confluent-compatible API at
 * {@code /apis/ccompat/v7}.
 */
public final class SchemaRegistry implements AutoCloseable {

    private final Process process;
    private final int port;

    private SchemaRegistry(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static SchemaRegistry start() throws IOException, InterruptedException {
        Path home = Path.of(required("it.registry.dir"));
        Path runner;
        try (Stream<Path> files = Files.list(home)) {
            runner = files.filter(p -> p.getFileName().toString().endsWith("-runner.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no *-runner.jar in " + home));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createDirectories(Path.of(System.getProperty("it.work.dir", "target/it-work")))
                .resolve("registry-" + port + ".log");
        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-XX:+UseSerialGC",
                        "-Dquarkus.http.host=127.0.0.1",
                        "-Dquarkus.http.port=" + port,
                        "-jar",
                        runner.toString()))
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        SchemaRegistry registry = new SchemaRegistry(process, port);
        registry.awaitReady(Duration.ofSeconds(120), log);
        return registry;
    }

    private static String required(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(
                    "system property " + key + " is not set: run the suites through Maven (mvn verify)");
        }
        return value;
    }

    private void awaitReady(Duration timeout, Path log) {
        HttpClient client = HttpClient.newHttpClient();
        try {
            await().atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(
                                    "schema registry exited with " + process.exitValue() + "; see " + log);
                        }
                        try {
                            return client.send(
                                                    HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                                                            .build(),
                                                    HttpResponse.BodyHandlers.discarding())
                                            .statusCode()
                                    == 200;
                        } catch (IOException e) {
                            // Not listening yet.
                            return false;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("schema registry not ready in " + timeout + "; see " + log, e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The URL Apicurio's converter (registry API v2) is configured with. */
    public String apicurioV2Url() {
        return baseUrl() + "/apis/registry/v2";
    }

    /** The Confluent-compatible API, e.g. for {@code /subjects}. */
    public String confluentCompatUrl() {
        return baseUrl() + "/apis/ccompat/v7";
    }

    /** The directory to add to a worker's {@code plugin.path} so it can load Apicurio's converter. */
    public static String converterPluginPath() {
        return required("it.converter.plugin.path");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
