package com.taosdata.kafka.connect.cli.command;

import static com.taosdata.kafka.connect.cli.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.cli.testing.CliRun;
import com.taosdata.kafka.connect.cli.testing.CliRun.Result;
import com.taosdata.kafka.connect.cli.testing.Golden;
import com.taosdata.kafka.connect.cli.testing.MockConnect;
import com.taosdata.kafka.connect.cli.testing.Payloads;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatusCommandTest {

    private static final String ALL = "{\"sink-demo\":{\"status\":" + Payloads.RUNNING + "},"
            + "\"other\":{\"status\":{\"name\":\"other\",\"connector\":{\"state\":\"PAUSED\",\"worker_id\":\"w:1\"},"
            + "\"tasks\":[],\"type\":\"source\"}}}";

    @Test
    void allConnectorsInOneCall() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, ALL);
            Result result = cli("status", "--url", server.url());
            assertThat(result.code()).isZero();
            assertThat(server.request().getPath()).isEqualTo("/connectors?expand=status");
            Golden.assertMatches("status-all.txt", result.out());
        }
    }

    @Test
    void failedTaskShowsFirstTraceLineAndExitsOne() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, Payloads.TASK_FAILED);
            Result result = cli("status", "sink-demo", "--url", server.url());
            assertThat(result.code()).isEqualTo(1);
            assertThat(server.request().getPath()).isEqualTo("/connectors/sink-demo/status");
            Golden.assertMatches("status-failed.txt", result.out());
        }
    }

    @Test
    void failedTaskAsJson() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, Payloads.TASK_FAILED);
            Result result = cli("status", "sink-demo", "--url", server.url(), "--output", "json");
            assertThat(result.code()).isEqualTo(1);
            Golden.assertMatches("status-failed.json", result.out());
        }
    }

    @Test
    void noConnectors() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, "{}");
            Result result = cli("status", "--url", server.url());
            assertThat(result.code()).isZero();
            assertThat(result.out()).isEqualTo("no connectors\n");
        }
    }

    @Test
    void watchRefreshesCountTimes() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, Payloads.TASK_FAILED).answer(200, Payloads.RUNNING);
            Result result =
                    cli("status", "sink-demo", "--watch", "--count", "2", "--interval", "5s", "--url", server.url());
            assertThat(server.requestCount()).isEqualTo(2);
            assertThat(result.sleeps()).containsExactly(Duration.ofSeconds(5));
            assertThat(result.code()).as("exit code of the last refresh").isZero();
            assertThat(result.out()).contains("FAILED").contains("CONNECTOR").doesNotContain("\u001B[");
        }
    }

    @Test
    void coloursStatesOnlyOnATerminal() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, Payloads.TASK_FAILED)
                    .answer(200, Payloads.TASK_FAILED)
                    .answer(200, Payloads.TASK_FAILED);
            assertThat(new CliRun()
                            .terminal()
                            .run("status", "sink-demo", "--url", server.url())
                            .out())
                    .contains("\u001B[31mFAILED\u001B[39m\u001B[0m");
            assertThat(new CliRun()
                            .terminal()
                            .run("status", "sink-demo", "--no-color", "--url", server.url())
                            .out())
                    .doesNotContain("\u001B[");
            assertThat(new CliRun()
                            .terminal()
                            .env("NO_COLOR", "1")
                            .run("status", "sink-demo", "--url", server.url())
                            .out())
                    .doesNotContain("\u001B[");
        }
    }
}
