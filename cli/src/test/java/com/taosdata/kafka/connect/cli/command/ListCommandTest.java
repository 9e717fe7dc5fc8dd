package com.taosdata.kafka.connect.cli.command;

import static com.taosdata.kafka.connect.cli.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.cli.testing.CliRun.Result;
import com.taosdata.kafka.connect.cli.testing.Golden;
import com.taosdata.kafka.connect.cli.testing.MockConnect;
import org.junit.jupiter.api.Test;

class ListCommandTest {

    @Test
    void listsNamesSorted() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, "[\"source-b\",\"sink-a\"]");
            Result result = cli("list", "--url", server.url());
            assertThat(result.code()).isZero();
            assertThat(server.request().getPath()).isEqualTo("/connectors");
            Golden.assertMatches("list.txt", result.out());
        }
    }

    @Test
    void listsAsJson() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, "[\"source-b\",\"sink-a\"]");
            Result result = cli("list", "--url", server.url(), "-o", "json");
            assertThat(result.code()).isZero();
            Golden.assertMatches("list.json", result.out());
        }
    }

    @Test
    void emptyClusterPrintsNothing() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, "[]");
            Result result = cli("list", "--url", server.url());
            assertThat(result.code()).isZero();
            assertThat(result.out()).isEmpty();
        }
    }
}
