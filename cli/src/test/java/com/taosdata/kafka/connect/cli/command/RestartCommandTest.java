package com.taosdata.kafka.connect.cli.command;

import static com.taosdata.kafka.connect.cli.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.cli.testing.CliRun.Result;
import com.taosdata.kafka.connect.cli.testing.Golden;
import com.taosdata.kafka.connect.cli.testing.MockConnect;
import org.junit.jupiter.api.Test;

class RestartCommandTest {

    private static final String RESTARTING = """
            {"name":"sink-demo","connector":{"state":"RUNNING","worker_id":"10.0.0.1:8083"},
             "tasks":[{"id":1,"state":"RESTARTING","worker_id":"10.0.0.2:8083"}],"type":"sink"}""";

    @Test
    void onlyFailedTasksShowsWhatRestarts() {
        try (MockConnect server = new MockConnect()) {
            server.answer(202, RESTARTING);
            Result result = cli("restart", "sink-demo", "--include-tasks", "--only-failed", "--url", server.url());
            assertThat(result.code()).isZero();
            var request = server.request();
            assertThat(request.getMethod()).isEqualTo("POST");
            assertThat(request.getPath()).isEqualTo("/connectors/sink-demo/restart?includeTasks=true&onlyFailed=true");
            Golden.assertMatches("restart.txt", result.out());
        }
    }

    @Test
    void connectorOnly() {
        try (MockConnect server = new MockConnect()) {
            server.answer(204);
            Result result = cli("restart", "sink-demo", "--url", server.url(), "-o", "json");
            assertThat(result.code()).isZero();
            assertThat(server.request().getPath())
                    .isEqualTo("/connectors/sink-demo/restart?includeTasks=false&onlyFailed=false");
            Golden.assertMatches("restart.json", result.out());
        }
    }
}
