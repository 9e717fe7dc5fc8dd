package com.taosdata.kafka.connect.cli.command;

import com.taosdata.kafka.connect.cli.client.ConnectClient;
import picocli.CommandLine.Command;

/** {@code tdconnect stop NAME...}. */
@Command(
        name = "stop",
        description =
                "Stop a connector: shut down its tasks and keep its config (PUT /connectors/NAME/stop); needed before offsets --reset.")
public final class StopCommand extends LifecycleCommand {

    @Override
    String done() {
        return "stopped";
    }

    @Override
    void apply(ConnectClient client, String name) {
        client.stop(name);
    }
}
