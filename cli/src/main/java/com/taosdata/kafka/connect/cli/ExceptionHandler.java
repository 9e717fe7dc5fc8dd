package com.taosdata.kafka.connect.cli;

import com.taosdata.kafka.connect.cli.error.CliException;
import com.taosdata.kafka.connect.cli.error.ExitCode;
import com.taosdata.kafka.connect.cli.output.Styles;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become exit codes: a {@link CliException} carries its own,
 * anything else is a bug and is reported with its stack trace so it can be filed.
 */
final class ExceptionHandler implements IExecutionExceptionHandler {

    private final TdConnect root;

    ExceptionHandler(TdConnect root) {
        this.root = root;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        Ansi ansi = root.ansi();
        if (ex instanceof CliException cli) {
            err.println(Styles.red(ansi, "error: ") + cli.getMessage());
            err.flush();
            return cli.exitCode();
        }
        err.println(Styles.red(ansi, "internal error: ") + ex + " (please report it with the trace below)");
        ex.printStackTrace(err);
        err.flush();
        return ExitCode.INVALID_OR_FAILED;
    }
}
