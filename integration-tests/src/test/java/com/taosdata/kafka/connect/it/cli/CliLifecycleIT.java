package com.taosdata.kafka.connect.it.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.taosdata.kafka.connect.it.harness.Cli;
import com.taosdata.kafka.connect.it.harness.ConnectRest;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged tdconnect CLI drives a connector's life on a real worker, and its offline validation agrees with the
 * worker's own validation on broken configs.
 */
class CliLifecycleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ItEnvironment env;
    private static Cli cli;
    private static ConnectRest rest;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        env = ItEnvironment.get();
        cli = new Cli(env.worker().restUrl());
        rest = env.worker().rest();
    }

    private Path write(String name, Map<String, String> config) throws IOException {
        Properties properties = new Properties();
        properties.putAll(config);
        Path file = dir.resolve(name + ".properties");
        try (Writer out = Files.newBufferedWriter(file)) {
            properties.store(out, null);
        }
        return file;
    }

    private String connectorState(String name) {
        JsonNode status = rest.status(name);
        return status == null ? "NONE" : status.path("connector").path("state").asText();
    }

    @Test
    void validateDeployOperateAndDeleteAConnector() throws Exception {
        String name = ItEnvironment.unique("cli");
        env.broker().createTopic(name, 1);
        Map<String, String> config = new LinkedHashMap<>(SinkConfigs.sink(env.tdengine(), name, name));
        config.put("name", name);
        Path file = write(name, config);

        Cli.Result validate = cli.run("validate", file.toString());
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(cli.run("validate", "--offline", file.toString()).exitCode()).isZero();

        Cli.Result deploy = cli.run("deploy", file.toString(), "--wait", "--wait-timeout", "90s");
        assertThat(deploy.exitCode()).as(deploy.toString()).isZero();
        assertThat(deploy.out()).contains(name).contains("created");
        assertThat(rest.taskStates(name)).containsExactly("RUNNING");
        assertThat(cli.run("deploy", file.toString()).out())
                .as("re-deploying the same file changes nothing")
                .contains("unchanged");

        Cli.Result status = cli.run("status", name);
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains(name).contains("RUNNING");

        assertThat(cli.run("pause", name).exitCode()).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> connectorState(name).equals("PAUSED"));
        assertThat(cli.run("resume", name).exitCode()).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> connectorState(name).equals("RUNNING"));

        Cli.Result restart = cli.run("restart", name, "--only-failed");
        assertThat(restart.exitCode()).as(restart.toString()).isZero();
        rest.awaitRunning(name, 1, Duration.ofSeconds(60));

        env.broker().produce(name, List.of("m,dev=a v=1i64 1648432611249000000", "m,dev=a v=2i64 1648432611250000000"));
        await().atMost(Duration.ofSeconds(60)).until(() -> env.tdengine().count(name + ".m") == 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Cli.Result offsets = cli.run("-o", "json", "offsets", name);
            return offsets.exitCode() == 0
                    && offsets.out().contains("\"offset\"")
                    && offsets.out().contains("2");
        });

        Cli.Result reset = cli.run("offsets", name, "--reset");
        assertThat(reset.exitCode()).as("reset refused while RUNNING: " + reset).isEqualTo(1);
        assertThat(reset.out() + reset.err()).contains("stop");

        Cli.Result delete = cli.run("delete", name);
        assertThat(delete.exitCode()).as(delete.toString()).isZero();
        assertThat(rest.call("GET", "/connectors/" + name, null).status()).isEqualTo(404);
        assertThat(cli.run("status", name).exitCode())
                .as("status of a deleted connector")
                .isEqualTo(4);
    }

    @Test
    void onlineAndOfflineValidationAgreeOnBrokenConfigs() throws Exception {
        Map<String, Map<String, String>> broken = new LinkedHashMap<>();
        broken.put("tasks_zero", with("tasks.max", "0"));
        broken.put("bad_protocol", with("db.schemaless", "influx"));
        broken.put("bad_precision", with("data.precision", "seconds"));
        broken.put("unknown_scheme", with("connection.url", "jdbc:mysql://127.0.0.1:3306"));
        broken.put("batch_zero", with("batch.size", "0"));
        broken.put("bad_database", with("connection.database", "bad-name"));
        broken.put("both_topic_keys", with("topics.regex", "meters.*"));
        broken.put("bad_tolerance", with("errors.tolerance", "some"));
        broken.put(
                "smt_bad_option",
                with(
                        "transforms",
                        "toLine",
                        "transforms.toLine.type",
                        "com.taosdata.kafka.connect.transforms.ToLineProtocol$Value",
                        "transforms.toLine.null.handling",
                        "explode"));

        for (Map.Entry<String, Map<String, String>> entry : broken.entrySet()) {
            Path file = write(entry.getKey(), entry.getValue());
            Cli.Result online = cli.run("-o", "json", "validate", file.toString());
            Cli.Result offline = cli.run("-o", "json", "validate", "--offline", file.toString());
            assertThat(online.exitCode())
                    .as(entry.getKey() + " online: " + online)
                    .isEqualTo(1);
            assertThat(offline.exitCode())
                    .as(entry.getKey() + " offline: " + offline)
                    .isEqualTo(1);
            assertThat(errorKeys(offline.out()))
                    .as(entry.getKey() + ": keys with errors, offline vs online")
                    .isEqualTo(errorKeys(online.out()));
        }
    }

    private static Map<String, String> with(String... keysAndValues) {
        Map<String, String> config = new LinkedHashMap<>(SinkConfigs.sink(env.tdengine(), "meters", "power"));
        config.put("name", "broken");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }

    private static Set<String> errorKeys(String json) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (JsonNode file : JSON.readTree(json)) {
            file.path("errors").forEach(error -> keys.add(error.path("key").asText()));
        }
        return keys;
    }
}
