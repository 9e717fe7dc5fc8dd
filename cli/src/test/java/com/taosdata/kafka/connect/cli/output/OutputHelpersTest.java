package com.taosdata.kafka.connect.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;

class OutputHelpersTest {

    @Test
    void secretsByNameAndByDeclaredType() {
        Secrets secrets = new Secrets(Set.of("connection.token"));
        assertThat(secrets.show("connection.password", "x")).isEqualTo(Secrets.MASK);
        assertThat(secrets.show("sasl.client.SECRET", "x")).isEqualTo(Secrets.MASK);
        assertThat(secrets.show("connection.token", "x")).isEqualTo(Secrets.MASK);
        assertThat(secrets.show("connection.user", "root")).isEqualTo("root");
    }

    @Test
    void diffMasksSecretsOnBothSides() {
        var changes = ConfigDiff.between(
                Map.of("a", "1", "db.password", "old", "gone", "x"),
                Map.of("a", "2", "db.password", "new", "added", "y"),
                new Secrets(Set.of()));
        assertThat(changes)
                .extracting(ConfigDiff.Change::render)
                .containsExactly("  ~ a: 1 -> 2", "  + added = y", "  ~ db.password: ******** -> ********", "  - gone");
    }

    @Test
    void traceSummaryKeepsTheInnermostCause() {
        String trace = "org.x.ConnectException: outer\n\tat a.b(C.java:1)\nCaused by: java.io.IOException: middle\n"
                + "\tat d.e(F.java:2)\nCaused by: java.net.ConnectException: refused\n\tat g.h(I.java:3)";
        assertThat(Traces.firstLine(trace)).isEqualTo("org.x.ConnectException: outer");
        assertThat(Traces.summary(trace))
                .isEqualTo("org.x.ConnectException: outer\n  Caused by: java.net.ConnectException: refused");
        assertThat(Traces.summary(null)).isEmpty();
    }

    @Test
    void tableColumnsAlignOnPlainTextEvenWhenStyled() {
        var lines = new Table("A", "STATE", "C")
                .style(1, state -> Styles.state(Ansi.ON, state))
                .row("long-name", "FAILED", "x")
                .render();
        assertThat(lines).containsExactly("A          STATE   C", "long-name  \u001B[31mFAILED\u001B[39m\u001B[0m  x");
    }

    @Test
    void tableColumnsAlignByTerminalColumnsSoCjkNamesLineUp() {
        var lines = new Table("CONNECTOR", "STATE")
                .row("温度传感器", "RUNNING")
                .row("sink-demo", "FAILED")
                .render();
        assertThat(lines).containsExactly("CONNECTOR   STATE", "温度传感器  RUNNING", "sink-demo   FAILED");
    }

    @Test
    void stylesLeaveTextAloneWithoutColourAndNeverReadPicocliMarkup() {
        assertThat(Styles.red(Ansi.OFF, "bad")).isEqualTo("bad");
        assertThat(Styles.state(Ansi.OFF, "PAUSED")).isEqualTo("PAUSED");
        assertThat(Styles.green(Ansi.ON, "@|bold x|@")).isEqualTo("\u001B[32m@|bold x|@\u001B[39m\u001B[0m");
    }
}
