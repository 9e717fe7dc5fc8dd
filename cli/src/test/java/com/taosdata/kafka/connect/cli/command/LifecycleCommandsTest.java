package com.taosdata.kafka.connect.cli.command;

import static com.taosdata.kafka.connect.cli.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.cli.testing.CliRun.Result;
import com.taosdata.kafka.connect.cli.testing.Golden;
import com.taosdata.kafka.connect.cli.testing.MockConnect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** pause, resume, stop and delete: the right method and path, one line per connector. */
class LifecycleCommandsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "pause,  202, PUT,    /connectors/sink-demo/pause,  paused",
        "resume, 202, PUT,    /connectors/sink-demo/resume, resumed",
        "stop,   204, PUT,    /connectors/sink-demo/stop,   stopped",
        "delete, 204, DELETE, /connectors/sink-demo,        deleted"
    })
    void sendsTheRightCall(String verb, int code, String method, String path, String done) {
        try (MockConnect server = new MockConnect()) {
            server.answer(code);
            Result result = cli(verb, "sink-demo", "--url", server.url());
            assertThat(result.code()).isZero();
            var request = server.request();
            assertThat(request.getMethod()).isEqualTo(method);
            assertThat(request.getPath()).isEqualTo(path);
            assertThat(result.out()).isEqualTo("sink-demo: " + done + "\n");
        }
    }

    @Test
    void severalNamesAsJson() {
        try (MockConnect server = new MockConnect()) {
            server.answer(202).answer(202);
            Result result = cli("pause", "a", "b", "--url", server.url(), "-o", "json");
            assertThat(result.code()).isZero();
            assertThat(server.request().getPath()).isEqualTo("/connectors/a/pause");
            assertThat(server.request().getPath()).isEqualTo("/connectors/b/pause");
            Golden.assertMatches("pause.json", result.out());
        }
    }

    @Test
    void namesAreEscapedInThePath() {
        try (MockConnect server = new MockConnect()) {
            server.answer(204);
            assertThat(cli("delete", "my sink?", "--url", server.url()).code()).isZero();
            assertThat(server.request().getPath()).isEqualTo("/connectors/my%20sink%3F");
        }
    }

    @Test
    void nameIsRequired() {
        Result result = cli("pause");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required parameter: 'NAME'");
    }
}
