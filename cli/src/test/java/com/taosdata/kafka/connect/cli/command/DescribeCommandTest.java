package com.taosdata.kafka.connect.cli.command;

import static com.taosdata.kafka.connect.cli.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.cli.testing.CliRun.Result;
import com.taosdata.kafka.connect.cli.testing.Golden;
import com.taosdata.kafka.connect.cli.testing.MockConnect;
import com.taosdata.kafka.connect.cli.testing.Payloads;
import org.junit.jupiter.api.Test;

class DescribeCommandTest {

    @Test
    void showsConfigWithSecretsMaskedTasksAndTopics() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, Payloads.INFO)
                    .answer(200, Payloads.RUNNING)
                    .answer(200, "{\"sink-demo\":{\"topics\":[\"meters\",\"meters-2\"]}}");
            Result result = cli("describe", "sink-demo", "--url", server.url());
            assertThat(result.code()).isZero();
            assertThat(server.request().getPath()).isEqualTo("/connectors/sink-demo");
            assertThat(server.request().getPath()).isEqualTo("/connectors/sink-demo/status");
            assertThat(server.request().getPath()).isEqualTo("/connectors/sink-demo/topics");
            assertThat(result.out()).doesNotContain("pa55w0rd");
            Golden.assertMatches("describe.txt", result.out());
        }
    }

    @Test
    void asJson() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, Payloads.INFO)
                    .answer(200, Payloads.TASK_FAILED)
                    .answer(200, "{\"sink-demo\":{\"topics\":[\"meters\"]}}");
            Result result = cli("describe", "sink-demo", "--url", server.url(), "-o", "json");
            assertThat(result.code()).as("a FAILED task").isEqualTo(1);
            assertThat(result.out()).doesNotContain("pa55w0rd");
            Golden.assertMatches("describe.json", result.out());
        }
    }

    @Test
    void topicTrackingDisabledIsNotAnError() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, Payloads.INFO).answer(200, Payloads.RUNNING).error(400, "Topic tracking is disabled.");
            Result result = cli("describe", "sink-demo", "--url", server.url());
            assertThat(result.code()).isZero();
            assertThat(result.out()).contains("Topics:  (topic tracking disabled on the worker)");
        }
    }
}
