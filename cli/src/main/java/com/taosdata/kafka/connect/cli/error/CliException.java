package com.taosdata.kafka.connect.cli.error;

/**
 * A failure the user should see as one clear line and a specific exit code, not as a stack trace.
 * Subclasses exist per concern so that callers can catch the one they can handle.
 */
public class CliException extends RuntimeException {

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static CliException usage(String message) {
        return new CliException(ExitCode.USAGE, message);
    }

    public static CliException failed(String message) {
        return new CliException(ExitCode.INVALID_OR_FAILED, message);
    }
}
