package com.taosdata.kafka.connect.cli.error;

/** The exit codes every command shares; docs/cli.md documents the same table. */
public final class ExitCode {

    public static final int OK = 0;
    /** Invalid connector config, or a connector or task in state FAILED. */
    public static final int INVALID_OR_FAILED = 1;
    /** Bad command line: unknown option, missing argument, unreadable file. */
    public static final int USAGE = 2;
    /** Cluster unreachable, or an HTTP answer the command cannot make sense of. */
    public static final int CLUSTER = 3;

    public static final int NOT_FOUND = 4;

    private ExitCode() {}
}
