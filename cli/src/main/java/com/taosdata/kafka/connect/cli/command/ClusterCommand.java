package com.taosdata.kafka.connect.cli.command;

import com.taosdata.kafka.connect.cli.client.ConnectClient;
import com.taosdata.kafka.connect.cli.output.Printer;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** A verb that talks to the cluster: gets its printer and client from the root's global options. */
abstract class ClusterCommand implements Callable<Integer> {

    @ParentCommand
    Invocation root;

    @Override
    public Integer call() {
        return execute(root.printer(), root.client());
    }

    abstract int execute(Printer printer, ConnectClient client);
}
