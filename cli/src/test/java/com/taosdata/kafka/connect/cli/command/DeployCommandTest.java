package com.taosdata.kafka.connect.cli.command;

import static com.taosdata.kafka.connect.cli.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.cli.testing.CliRun;
import com.taosdata.kafka.connect.cli.testing.CliRun.Result;
import com.taosdata.kafka.connect.cli.testing.Golden;
import com.taosdata.kafka.connect.cli.testing.MockConnect;
import com.taosdata.kafka.connect.cli.testing.Payloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployCommandTest {

    private static final String VALID = "{\"name\":\"TDengineSinkConnector\",\"error_count\":0,\"configs\":["
            + "{\"definition\":{\"name\":\"connection.token\",\"type\":\"PASSWORD\"},"
            + "\"value\":{\"name\":\"connection.token\",\"value\":\"[hidden]\",\"errors\":[]}}]}";
    private static final String INVALID = "{\"name\":\"TDengineSinkConnector\",\"error_count\":1,\"configs\":["
            + "{\"definition\":{\"name\":\"tasks.max\",\"type\":\"INT\"},"
            + "\"value\":{\"name\":\"tasks.max\",\"value\":\"0\",\"errors\":[\"Value must be at least 1\"]}}]}";
    private static final String DEPLOYED = "{\"name\":\"sink-demo\",\"connector.class\":\"TDengineSinkConnector\","
            + "\"tasks.max\":\"1\",\"topics\":\"meters\",\"connection.password\":\"old\",\"connection.token\":\"t1\","
            + "\"errors.tolerance\":\"all\"}";

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void writeConfig() throws IOException {
        file = dir.resolve("sink-demo.properties");
        Files.writeString(file, """
                name=sink-demo
                connector.class=TDengineSinkConnector
                tasks.max=2
                topics=meters
                connection.password=new
                connection.token=t2
                """);
    }

    @Test
    void createsANewConnector() throws Exception {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, VALID)
                    .error(404, "Connector sink-demo not found")
                    .answer(201, Payloads.INFO);
            Result result = cli("deploy", file.toString(), "--url", server.url());
            assertThat(result.code()).as(result.err()).isZero();
            RecordedRequest validate = server.request();
            assertThat(validate.getMethod()).isEqualTo("PUT");
            assertThat(validate.getPath()).isEqualTo("/connector-plugins/TDengineSinkConnector/config/validate");
            assertThat(server.request().getPath()).isEqualTo("/connectors/sink-demo/config");
            RecordedRequest put = server.request();
            assertThat(put.getMethod()).isEqualTo("PUT");
            assertThat(put.getPath()).isEqualTo("/connectors/sink-demo/config");
            assertThat(put.getBody().readUtf8()).contains("\"tasks.max\":\"2\"").contains("\"name\":\"sink-demo\"");
            assertThat(result.out()).isEqualTo("sink-demo: created\n");
        }
    }

    @Test
    void updateListsChangedKeysWithSecretsMasked() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, VALID).answer(200, DEPLOYED).answer(200, Payloads.INFO);
            Result result = cli("deploy", file.toString(), "--url", server.url());
            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.out())
                    .doesNotContain("old")
                    .doesNotContain("new")
                    .doesNotContain("t1")
                    .doesNotContain("t2");
            Golden.assertMatches("deploy-updated.txt", result.out());
        }
    }

    @Test
    void updateAsJson() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, VALID).answer(200, DEPLOYED).answer(200, Payloads.INFO);
            Result result = cli("deploy", file.toString(), "--url", server.url(), "-o", "json");
            assertThat(result.code()).isZero();
            Golden.assertMatches("deploy-updated.json", result.out().replace(dir.toString(), "DIR"));
        }
    }

    @Test
    void unchangedConfigIsNotPut() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, VALID)
                    .answer(
                            200,
                            "{\"name\":\"sink-demo\",\"connector.class\":\"TDengineSinkConnector\","
                                    + "\"tasks.max\":\"2\",\"topics\":\"meters\",\"connection.password\":\"new\",\"connection.token\":\"t2\"}");
            Result result = cli("deploy", file.toString(), "--url", server.url());
            assertThat(result.code()).isZero();
            assertThat(result.out()).isEqualTo("sink-demo: unchanged\n");
            assertThat(server.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void invalidConfigIsRefused() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, INVALID);
            Result result = cli("deploy", file.toString(), "--url", server.url());
            assertThat(result.code()).isEqualTo(1);
            assertThat(result.out()).isEqualTo(file + ": tasks.max: Value must be at least 1\n");
            assertThat(result.err()).contains("nothing deployed");
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void dryRunChangesNothing() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, VALID).answer(200, DEPLOYED);
            Result result = cli("deploy", file.toString(), "--dry-run", "--url", server.url());
            assertThat(result.code()).isZero();
            assertThat(result.out()).startsWith("sink-demo: would be updated\n").contains("  ~ tasks.max: 1 -> 2");
            assertThat(server.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void waitFollowsUntilRunning() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, VALID)
                    .error(404, "not found")
                    .answer(201, Payloads.INFO)
                    .answer(
                            200,
                            "{\"name\":\"sink-demo\",\"connector\":{\"state\":\"RUNNING\",\"worker_id\":\"w\"},"
                                    + "\"tasks\":[{\"id\":0,\"state\":\"UNASSIGNED\",\"worker_id\":\"w\"}],\"type\":\"sink\"}")
                    .answer(200, Payloads.RUNNING);
            Result result = new CliRun().terminal().run("deploy", file.toString(), "--wait", "--url", server.url());
            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.sleeps()).containsExactly(Duration.ofMillis(500));
            assertThat(result.err())
                    .contains("\rwaiting: sink-demo RUNNING, tasks 0/1 RUNNING")
                    .contains("sink-demo: RUNNING");
        }
    }

    @Test
    void waitToleratesANewConnectorWithoutStatusYet() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, VALID)
                    .error(404, "not found")
                    .answer(201, Payloads.INFO)
                    .error(404, "No status found for connector sink-demo")
                    .answer(200, Payloads.RUNNING);
            Result result = cli("deploy", file.toString(), "--wait", "--url", server.url());
            assertThat(result.code()).as(result.err()).isZero();
            assertThat(server.requestCount()).isEqualTo(5);
        }
    }

    @Test
    void waitPrintsNoProgressLineOffATerminal() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, VALID)
                    .error(404, "not found")
                    .answer(201, Payloads.INFO)
                    .answer(200, Payloads.RUNNING);
            Result result = cli("deploy", file.toString(), "--wait", "--url", server.url());
            assertThat(result.code()).isZero();
            assertThat(result.err()).isEqualTo("sink-demo: RUNNING\n");
        }
    }

    @Test
    void waitFailsWithTheFailedTasksTraceSummary() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, VALID)
                    .error(404, "not found")
                    .answer(201, Payloads.INFO)
                    .answer(200, Payloads.TASK_FAILED);
            Result result = cli("deploy", file.toString(), "--wait", "--url", server.url());
            assertThat(result.code()).isEqualTo(1);
            assertThat(result.err())
                    .contains("sink-demo FAILED: task 1 on 10.0.0.2:8083: "
                            + "org.apache.kafka.connect.errors.ConnectException: write failed")
                    .contains("Caused by: java.sql.SQLException: TDengine ERROR (0x2603): Database not exist");
        }
    }

    @Test
    void waitGivesUpAfterTheTimeout() {
        try (MockConnect server = new MockConnect()) {
            String starting =
                    "{\"name\":\"sink-demo\",\"connector\":{\"state\":\"UNASSIGNED\"},\"tasks\":[],\"type\":\"sink\"}";
            server.answer(200, VALID)
                    .error(404, "not found")
                    .answer(201, Payloads.INFO)
                    .answer(200, starting)
                    .answer(200, starting);
            Result result = cli("deploy", file.toString(), "--wait", "--wait-timeout", "1s", "--url", server.url());
            assertThat(result.code()).isEqualTo(1);
            assertThat(result.err())
                    .contains("sink-demo is not RUNNING after 1s: sink-demo UNASSIGNED, tasks 0/0 RUNNING");
        }
    }

    @Test
    void createsANewConnectorStoppedOnAWorkerThatCan() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, "{\"version\":\"4.1.1\",\"commit\":\"abc\",\"kafka_cluster_id\":\"k\"}")
                    .answer(200, VALID)
                    .error(404, "Connector sink-demo not found")
                    .answer(201, Payloads.INFO);
            Result result = cli("deploy", file.toString(), "--initial-state", "STOPPED", "--url", server.url());
            assertThat(result.code()).as(result.err()).isZero();
            assertThat(server.request().getPath()).isEqualTo("/");
            server.request();
            server.request();
            RecordedRequest post = server.request();
            assertThat(post.getMethod()).isEqualTo("POST");
            assertThat(post.getPath()).isEqualTo("/connectors");
            assertThat(post.getBody().readUtf8())
                    .startsWith("{\"name\":\"sink-demo\",\"config\":{")
                    .contains("\"tasks.max\":\"2\"")
                    .endsWith("},\"initial_state\":\"STOPPED\"}");
            assertThat(result.out()).isEqualTo("sink-demo: created STOPPED\n");
        }
    }

    @Test
    void anExistingConnectorIsUpdatedAndKeepsItsState() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, "{\"version\":\"3.9.0\"}")
                    .answer(200, VALID)
                    .answer(200, DEPLOYED)
                    .answer(200, Payloads.INFO);
            Result result = cli("deploy", file.toString(), "--initial-state", "STOPPED", "--url", server.url());
            assertThat(result.code()).as(result.err()).isZero();
            server.request();
            server.request();
            server.request();
            RecordedRequest put = server.request();
            assertThat(put.getMethod()).isEqualTo("PUT");
            assertThat(put.getPath()).isEqualTo("/connectors/sink-demo/config");
            assertThat(result.out()).startsWith("sink-demo: updated\n");
        }
    }

    @Test
    void initialStateOnA37WorkerSaysWhatToDoInsteadAndDeploysNothing() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, "{\"version\":\"3.7.1\",\"commit\":\"abc\",\"kafka_cluster_id\":\"k\"}");
            Result result = cli("deploy", file.toString(), "--initial-state", "STOPPED", "--url", server.url());
            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err())
                    .contains("--initial-state needs a Connect worker of Kafka 3.8 or later (KIP-980); "
                            + "this one runs 3.7.1: deploy without it, then run 'tdconnect stop NAME'");
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void waitingForRunningAConnectorCreatedStoppedIsAUsageError() {
        Result result =
                cli("deploy", file.toString(), "--initial-state", "STOPPED", "--wait", "--url", "http://127.0.0.1:1");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--wait waits for RUNNING; a connector created STOPPED does not get there");
    }
}
