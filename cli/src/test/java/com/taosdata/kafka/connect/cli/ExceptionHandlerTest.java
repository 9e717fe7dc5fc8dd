package com.taosdata.kafka.connect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.cli.client.ConnectorNotFoundException;
import com.taosdata.kafka.connect.cli.error.ExitCode;
import com.taosdata.kafka.connect.connection.Sleeper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one mapping from failures to exit codes. */
class ExceptionHandlerTest {

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {

        private final RuntimeException failure;

        Boom(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() {
            throw failure;
        }
    }

    private static int run(RuntimeException failure, StringWriter err) {
        Context context =
                new Context(new PrintWriter(new StringWriter()), new PrintWriter(err), Map.of(), false, Sleeper.SYSTEM);
        CommandLine commandLine = new CommandLine(new Boom(failure));
        commandLine.setErr(new PrintWriter(err));
        commandLine.setExecutionExceptionHandler(new ExceptionHandler(new TdConnect(context)));
        return commandLine.execute();
    }

    @Test
    void cliExceptionsCarryTheirExitCode() {
        StringWriter err = new StringWriter();
        assertThat(run(new ConnectorNotFoundException("x"), err)).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(err.toString()).isEqualTo("error: connector 'x' not found" + System.lineSeparator());
    }

    @Test
    void anythingElseIsABugReportedWithItsTrace() {
        StringWriter err = new StringWriter();
        assertThat(run(new IllegalStateException("unexpected"), err)).isEqualTo(ExitCode.INVALID_OR_FAILED);
        assertThat(err.toString())
                .startsWith("internal error: java.lang.IllegalStateException: unexpected")
                .contains("at com.taosdata.kafka.connect.cli.ExceptionHandlerTest");
    }
}
