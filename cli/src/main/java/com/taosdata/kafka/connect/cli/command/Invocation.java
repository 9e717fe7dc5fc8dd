package com.taosdata.kafka.connect.cli.command;

import com.taosdata.kafka.connect.cli.client.ConnectClient;
import com.taosdata.kafka.connect.cli.output.Printer;
import com.taosdata.kafka.connect.connection.Sleeper;

/**
 * What a verb gets from the root command for one invocation, built from the global options. The root command
 * implements it and picocli injects it as each verb's parent, so the verbs never see the root's type.
 */
public interface Invocation {

    Printer printer();

    /** A client for the cluster the global options name; only verbs that talk to the cluster ask for one. */
    ConnectClient client();

    Sleeper sleeper();

    /** Whether stdout is a terminal (a watch loop clears the screen only then). */
    boolean terminal();
}
