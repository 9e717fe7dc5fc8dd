package com.taosdata.kafka.connect.cli.client;

import com.taosdata.kafka.connect.cli.error.CliException;
import com.taosdata.kafka.connect.cli.error.ExitCode;

/** The cluster answered 400: it rejected what we sent, which for a connector config means it is invalid. */
public final class RejectedException extends CliException {

    public RejectedException(String message) {
        super(ExitCode.INVALID_OR_FAILED, message);
    }
}
