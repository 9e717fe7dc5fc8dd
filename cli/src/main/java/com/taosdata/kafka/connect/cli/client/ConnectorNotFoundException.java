package com.taosdata.kafka.connect.cli.client;

import com.taosdata.kafka.connect.cli.CliException;
import com.taosdata.kafka.connect.cli.ExitCode;

/** The cluster answered 404 for a connector. */
public final class ConnectorNotFoundException extends CliException {

    public ConnectorNotFoundException(String name) {
        super(ExitCode.NOT_FOUND, "connector '" + name + "' not found");
    }
}
