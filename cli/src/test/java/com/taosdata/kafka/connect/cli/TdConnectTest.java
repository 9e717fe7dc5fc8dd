package com.taosdata.kafka.connect.cli;

import static com.taosdata.kafka.connect.cli.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.cli.testing.CliRun;
import com.taosdata.kafka.connect.cli.testing.CliRun.Result;
import com.taosdata.kafka.connect.cli.testing.MockConnect;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Global options, help, version and usage errors, the same for every command. */
class TdConnectTest {

    @Test
    void version() {
        Result result = cli("--version");
        assertThat(result.code()).isZero();
        assertThat(result.out()).matches("tdconnect \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "validate",
                "deploy",
                "status",
                "list",
                "describe",
                "delete",
                "pause",
                "resume",
                "stop",
                "restart",
                "plugins",
                "offsets",
                "completion"
            })
    void helpOnEveryCommand(String verb) {
        Result result = cli(verb, "--help");
        assertThat(result.code()).isZero();
        assertThat(result.out())
                .startsWith("Usage: tdconnect " + verb)
                .contains("--url=URL")
                .contains("Exit codes:");
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        Result result = cli("--help");
        assertThat(result.code()).isZero();
        assertThat(result.out())
                .contains(
                        "validate",
                        "deploy",
                        "offsets",
                        "completion",
                        "3  cluster unreachable or unexpected HTTP answer",
                        "4  connector not found");
    }

    @Test
    void helpIsColouredOnATerminalByTheSameRuleAsEveryOutput() {
        assertThat(new CliRun().terminal().run("status", "--help").out()).contains("\u001B[");
        assertThat(new CliRun()
                        .terminal()
                        .env("NO_COLOR", "1")
                        .run("status", "--help")
                        .out())
                .doesNotContain("\u001B[");
        assertThat(new CliRun().terminal().run("status", "--no-color", "--help").out())
                .doesNotContain("\u001B[");
        assertThat(cli("status", "--help").out()).doesNotContain("\u001B[");
    }

    @Test
    void noCommandIsAUsageError() {
        Result result = cli();
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("a command is required");
    }

    @Test
    void unknownCommandIsAUsageError() {
        Result result = cli("stauts");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err())
                .contains("Unmatched argument at index 0: 'stauts'")
                .contains("status");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Result result = cli("list", "--bogus");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option: '--bogus'");
    }

    @Test
    void badDurationNamesTheOption() {
        Result result = cli("list", "--timeout", "soon");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--timeout").contains("'soon' is not a duration");
    }

    @Test
    void badOutputFormatIsAUsageError() {
        Result result = cli("list", "-o", "yaml");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--output").contains("text, json");
    }

    @Test
    void negativeNumbersAreUsageErrors() {
        Result retries = cli("list", "--retries", "-1");
        assertThat(retries.code()).isEqualTo(2);
        assertThat(retries.err()).contains("--retries -1: must be 0 or more");
        Result count = cli("status", "--watch", "--count", "-2");
        assertThat(count.code()).isEqualTo(2);
        assertThat(count.err()).contains("--count -2: must be 0 (no limit) or more");
    }

    @Test
    void badUrlIsAUsageError() {
        Result result = cli("list", "--url", "localhost:8083");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--url localhost:8083: not an http:// or https:// URL");
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheVerb() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, "[]").answer(200, "[]");
            assertThat(cli("--url", server.url(), "list").code()).isZero();
            assertThat(cli("list", "--url", server.url()).code()).isZero();
            assertThat(server.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void urlUserAndPasswordFromTheEnvironment() throws Exception {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, "[]");
            Result result = new CliRun()
                    .env("TDCONNECT_URL", server.url())
                    .env("TDCONNECT_USER", "admin")
                    .env("TDCONNECT_PASSWORD", "hunter2")
                    .run("list");
            assertThat(result.code()).isZero();
            RecordedRequest request = server.request();
            assertThat(request.getHeader("Authorization"))
                    .isEqualTo("Basic "
                            + Base64.getEncoder().encodeToString("admin:hunter2".getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void optionsOverrideTheEnvironment() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, "[]");
            Result result =
                    new CliRun().env("TDCONNECT_URL", "http://127.0.0.1:1/").run("list", "--url", server.url());
            assertThat(result.code()).isZero();
        }
    }

    @Test
    void passwordIsNeverPrinted() {
        try (MockConnect server = new MockConnect()) {
            server.error(401, "Unauthorized");
            Result result = cli("list", "--url", server.url(), "--user", "admin", "--password", "hunter2");
            assertThat(result.code()).isEqualTo(3);
            assertThat(result.err()).contains("not authorized").contains("--user/--password");
            assertThat(result.out() + result.err()).doesNotContain("hunter2");
        }
    }

    @Test
    void inProcessEntryPointWithPrintStreams() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TdConnect.run(new String[] {"--version"}, new PrintStream(out), new PrintStream(err), Map.of());
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("tdconnect ");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
