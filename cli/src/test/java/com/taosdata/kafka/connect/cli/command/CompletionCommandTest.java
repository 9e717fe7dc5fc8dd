package com.taosdata.kafka.connect.cli.command;

import static com.taosdata.kafka.connect.cli.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.cli.testing.CliRun.Result;
import org.junit.jupiter.api.Test;

class CompletionCommandTest {

    @Test
    void printsABashAndZshCompletionScriptForEveryCommand() {
        Result result = cli("completion");
        assertThat(result.code()).isZero();
        assertThat(result.out())
                .contains("complete -F _complete_tdconnect")
                .contains("ZSH_VERSION")
                .contains("bashcompinit");
        for (String verb : new String[] {
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
            "offsets"
        }) {
            assertThat(result.out()).contains(verb);
        }
        assertThat(result.out()).contains("--wait-timeout").contains("--only-failed");
    }
}
