package com.taosdata.kafka.connect.cli.command;

import com.taosdata.kafka.connect.cli.client.ConnectClient;
import picocli.CommandLine.Command;

/** {@code tdconnect pause NAME...}. */
@Command(name = "pause", description = "Pause a connector and its tasks (PUT /connectors/NAME/pause).")
public final class PauseCommand extends LifecycleCommand {

    @Override
    String done() {
        return "paused";
    }

    @Override
    void apply(ConnectClient client, String name) {
        client.pause(name);
    }
}
