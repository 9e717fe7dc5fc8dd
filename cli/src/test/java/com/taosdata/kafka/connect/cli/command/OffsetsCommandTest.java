package com.taosdata.kafka.connect.cli.command;

import static com.taosdata.kafka.connect.cli.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.taosdata.kafka.connect.cli.testing.CliRun.Result;
import com.taosdata.kafka.connect.cli.testing.Golden;
import com.taosdata.kafka.connect.cli.testing.MockConnect;
import com.taosdata.kafka.connect.cli.testing.Payloads;

class OffsetsCommandTest {

    private static final String OFFSETS = """
            {"offsets":[{"partition":{"kafka_topic":"meters","kafka_partition":0},"offset":{"kafka_offset":42}},
                        {"partition":{"kafka_topic":"meters","kafka_partition":1},"offset":{"kafka_offset":7}}]}""";

    @Test
    void showsOffsets() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, OFFSETS);
            Result result = cli("offsets", "sink-demo", "--url", server.url());
            assertThat(result.code()).isZero();
            assertThat(server.request().getPath()).isEqualTo("/connectors/sink-demo/offsets");
            Golden.assertMatches("offsets.txt", result.out());
        }
    }

    @Test
    void showsOffsetsAsJson() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, OFFSETS);
            Result result = cli("offsets", "sink-demo", "--url", server.url(), "-o", "json");
            assertThat(result.code()).isZero();
            Golden.assertMatches("offsets.json", result.out());
        }
    }

    @Test
    void resetsAStoppedConnector() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, Payloads.STOPPED)
                    .answer(200, "{\"message\":\"The offsets for this connector have been reset successfully\"}");
            Result result = cli("offsets", "sink-demo", "--reset", "--url", server.url());
            assertThat(result.code()).isZero();
            assertThat(server.request().getPath()).isEqualTo("/connectors/sink-demo/status");
            var reset = server.request();
            assertThat(reset.getMethod()).isEqualTo("DELETE");
            assertThat(reset.getPath()).isEqualTo("/connectors/sink-demo/offsets");
            assertThat(result.out()).isEqualTo(
                    "sink-demo: offsets reset (The offsets for this connector have been reset successfully)\n");
        }
    }

    @Test
    void refusesToResetARunningConnector() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, Payloads.RUNNING);
            Result result = cli("offsets", "sink-demo", "--reset", "--url", server.url());
            assertThat(result.code()).isEqualTo(1);
            assertThat(result.err()).contains("connector 'sink-demo' is RUNNING; offsets can only be reset while it is "
                    + "STOPPED: run 'tdconnect stop sink-demo' first");
            assertThat(server.requestCount()).as("no DELETE sent").isEqualTo(1);
        }
    }

    @Test
    void noOffsetsYet() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, "{\"offsets\":[]}");
            Result result = cli("offsets", "sink-demo", "--url", server.url());
            assertThat(result.out()).isEqualTo("sink-demo: no committed offsets\n");
        }
    }
}
