package com.taosdata.kafka.connect.cli.command;

import static com.taosdata.kafka.connect.cli.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.cli.testing.CliRun.Result;
import com.taosdata.kafka.connect.cli.testing.MockConnect;
import com.taosdata.kafka.connect.cli.testing.Payloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command that talks to the cluster, against every kind of bad answer: the same exit codes everywhere. */
class HttpErrorsTest {

    @TempDir
    static Path dir;

    /** A command line, the answers of a successful run, its exit code on 404, and whether it parses a body first. */
    record Case(String label, List<String> args, List<String[]> success, int notFoundCode, boolean parsesFirst) {

        @Override
        public String toString() {
            return label;
        }

        String[] argv(String url, String... extra) {
            List<String> argv = new ArrayList<>(args);
            argv.add("--url");
            argv.add(url);
            argv.addAll(List.of(extra));
            return argv.toArray(String[]::new);
        }

        void enqueueSuccess(MockConnect server) {
            success.forEach(a -> server.answer(Integer.parseInt(a[0]), a[1]));
        }
    }

    private static String[] ok(int code, String body) {
        return new String[] {Integer.toString(code), body};
    }

    static Stream<Case> cases() throws Exception {
        Path file = dir.resolve("sink.properties");
        Files.writeString(file, "name=sink-demo\nconnector.class=TDengineSinkConnector\ntopics=meters\n");
        String validateOk = "{\"name\":\"x\",\"error_count\":0,\"configs\":[]}";
        return Stream.of(
                new Case("list", List.of("list"), List.<String[]>of(ok(200, "[\"a\"]")), 3, true),
                new Case("status", List.of("status"), List.<String[]>of(ok(200, "{}")), 3, true),
                new Case(
                        "status NAME",
                        List.of("status", "sink-demo"),
                        List.<String[]>of(ok(200, Payloads.RUNNING)),
                        4,
                        true),
                new Case(
                        "describe",
                        List.of("describe", "sink-demo"),
                        List.of(
                                ok(200, Payloads.INFO),
                                ok(200, Payloads.RUNNING),
                                ok(200, "{\"sink-demo\":{\"topics\":[\"meters\"]}}")),
                        4,
                        true),
                new Case("delete", List.of("delete", "sink-demo"), List.<String[]>of(ok(204, "")), 4, false),
                new Case("pause", List.of("pause", "sink-demo"), List.<String[]>of(ok(202, "")), 4, false),
                new Case("resume", List.of("resume", "sink-demo"), List.<String[]>of(ok(202, "")), 4, false),
                new Case("stop", List.of("stop", "sink-demo"), List.<String[]>of(ok(204, "")), 4, false),
                new Case(
                        "restart",
                        List.of("restart", "sink-demo", "--include-tasks"),
                        List.<String[]>of(ok(202, Payloads.RUNNING)),
                        4,
                        true),
                new Case("plugins", List.of("plugins"), List.<String[]>of(ok(200, "[]")), 3, true),
                new Case(
                        "offsets",
                        List.of("offsets", "sink-demo"),
                        List.<String[]>of(ok(200, "{\"offsets\":[]}")),
                        4,
                        true),
                new Case(
                        "offsets --reset",
                        List.of("offsets", "sink-demo", "--reset"),
                        List.of(ok(200, Payloads.STOPPED), ok(200, "{\"message\":\"done\"}")),
                        4,
                        true),
                new Case(
                        "validate",
                        List.of("validate", file.toString()),
                        List.<String[]>of(ok(200, validateOk)),
                        1,
                        true),
                new Case(
                        "deploy",
                        List.of("deploy", file.toString()),
                        List.of(
                                ok(200, validateOk),
                                ok(404, "{\"error_code\":404,\"message\":\"not found\"}"),
                                ok(201, Payloads.INFO)),
                        1,
                        true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void succeeds(Case c) {
        try (MockConnect server = new MockConnect()) {
            c.enqueueSuccess(server);
            Result result = cli(c.argv(server.url()));
            assertThat(result.code()).as(result.err()).isZero();
            assertThat(server.requestCount()).isEqualTo(c.success().size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void notFound(Case c) {
        try (MockConnect server = new MockConnect()) {
            server.error(404, "Connector sink-demo not found");
            Result result = cli(c.argv(server.url()));
            assertThat(result.code()).as(result.out() + result.err()).isEqualTo(c.notFoundCode());
            if (c.notFoundCode() == 4) {
                assertThat(result.err()).contains("connector 'sink-demo' not found");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void retriesConflictDuringRebalance(Case c) {
        try (MockConnect server = new MockConnect()) {
            server.error(409, "Cannot complete request momentarily due to stale configuration");
            c.enqueueSuccess(server);
            Result result = cli(c.argv(server.url()));
            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.sleeps()).containsExactly(Duration.ofMillis(250));
            assertThat(server.requestCount()).isEqualTo(c.success().size() + 1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givesUpWhenTheRebalanceLasts(Case c) {
        try (MockConnect server = new MockConnect()) {
            server.error(409, "rebalance").error(409, "rebalance").error(409, "rebalance");
            Result result = cli(c.argv(server.url(), "--retries", "2"));
            assertThat(result.code()).isEqualTo(3);
            assertThat(result.err()).contains("HTTP 409").contains("after 3 attempts");
            assertThat(result.sleeps()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void serverErrorIsExitCodeThree(Case c) {
        try (MockConnect server = new MockConnect()) {
            server.error(500, "Request timed out");
            Result result = cli(c.argv(server.url()));
            assertThat(result.code()).isEqualTo(3);
            assertThat(result.err()).contains("unexpected HTTP 500: Request timed out");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void connectionRefusedIsExitCodeThree(Case c) {
        String url;
        try (MockConnect server = new MockConnect()) {
            url = server.url();
        }
        Result result = cli(c.argv(url));
        assertThat(result.code()).isEqualTo(3);
        assertThat(result.err())
                .contains("cannot reach the Connect cluster at " + url)
                .contains("--url");
    }

    /** Commands whose first answer carries a body they parse; pause and the like ignore bodies. */
    static Stream<Case> parsingCases() throws Exception {
        return cases().filter(Case::parsesFirst);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parsingCases")
    void malformedJsonIsExitCodeThree(Case c) {
        try (MockConnect server = new MockConnect()) {
            server.answer(Integer.parseInt(c.success().get(0)[0]), "{\"name\": oops");
            Result result = cli(c.argv(server.url()));
            assertThat(result.code()).isEqualTo(3);
            assertThat(result.err()).contains("malformed JSON");
        }
    }
}
