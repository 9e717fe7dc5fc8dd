package com.taosdata.kafka.connect.cli.client;

import com.taosdata.kafka.connect.cli.error.CliException;
import com.taosdata.kafka.connect.cli.error.ExitCode;

/** The cluster answered 404 for a connector. */
public final class ConnectorNotFoundException extends CliException {

    public ConnectorNotFoundException(String name) {
        super(ExitCode.NOT_FOUND, "connector '" + name + "' not found");
    }
}
