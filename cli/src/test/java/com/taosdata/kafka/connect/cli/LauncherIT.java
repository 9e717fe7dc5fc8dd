package com.taosdata.kafka.connect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged layout: bin/tdconnect runs lib/tdconnect.jar, also through a symlink on the PATH. */
class LauncherIT {

    private static final Path DIST = Path.of(System.getProperty("tdconnect.dist.dir", "target/tdconnect"));
    private static final Path ETC =
            Path.of(System.getProperty("tdconnect.plugin.etc.dir", "../connector/src/assembly/etc"));

    /** Exit code and combined output of one launcher run. */
    record Run(int code, String output) {}

    private static Run run(Path launcher, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", launcher.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("launcher finished")
                .isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void layoutHasLauncherAndJar() {
        assertThat(DIST.resolve("bin/tdconnect")).isExecutable();
        assertThat(DIST.resolve("lib/tdconnect.jar")).isRegularFile();
    }

    @Test
    void versionThroughTheLauncher() throws Exception {
        Run run = run(DIST.resolve("bin/tdconnect"), "--version");
        assertThat(run.code()).isZero();
        assertThat(run.output()).startsWith("tdconnect ");
    }

    @Test
    void offlineValidationOfTheShippedSamples() throws Exception {
        Path sample = ETC.resolve("sink-demo.properties");
        Run run = run(DIST.resolve("bin/tdconnect"), "validate", "--offline", sample.toString());
        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output()).isEqualTo(sample + ": OK\n");
    }

    @Test
    void offlineValidationOfTheShippedStrimziConnectorWithTheYamlReaderInTheJar() throws Exception {
        Path sample = ETC.resolve("strimzi").resolve("kafka-connector.yaml");
        Run run = run(DIST.resolve("bin/tdconnect"), "validate", "--offline", sample.toString());
        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output()).endsWith(sample + "#1: OK\n");
    }

    @Test
    void worksThroughASymlink(@TempDir Path path) throws Exception {
        Path link = Files.createSymbolicLink(
                path.resolve("tdconnect"), DIST.resolve("bin/tdconnect").toAbsolutePath());
        Run run = run(link, "--help");
        assertThat(run.code()).isZero();
        assertThat(run.output()).contains("Usage: tdconnect");
    }

    @Test
    void usageErrorExitCodeSurvivesTheLauncher() throws Exception {
        assertThat(run(DIST.resolve("bin/tdconnect"), "no-such-command").code()).isEqualTo(2);
    }
}
