package com.taosdata.kafka.connect.cli.command;

import com.taosdata.kafka.connect.cli.client.ConnectClient;
import picocli.CommandLine.Command;

/** {@code tdconnect delete NAME...}. */
@Command(name = "delete", description = "Delete a connector (DELETE /connectors/NAME).")
public final class DeleteCommand extends LifecycleCommand {

    @Override
    String done() {
        return "deleted";
    }

    @Override
    void apply(ConnectClient client, String name) {
        client.delete(name);
    }
}
