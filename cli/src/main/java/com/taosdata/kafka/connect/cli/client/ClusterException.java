package com.taosdata.kafka.connect.cli.client;

import com.taosdata.kafka.connect.cli.error.CliException;
import com.taosdata.kafka.connect.cli.error.ExitCode;

/** The cluster could not be reached, or answered something the command cannot use. */
public final class ClusterException extends CliException {

    public ClusterException(String message) {
        super(ExitCode.CLUSTER, message);
    }

    public ClusterException(String message, Throwable cause) {
        super(ExitCode.CLUSTER, message, cause);
    }
}
