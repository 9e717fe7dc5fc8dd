package com.taosdata.kafka.connect.cli.command;

import com.taosdata.kafka.connect.cli.client.ConnectClient;
import picocli.CommandLine.Command;

/** {@code tdconnect resume NAME...}. */
@Command(name = "resume", description = "Resume a paused or stopped connector (PUT /connectors/NAME/resume).")
public final class ResumeCommand extends LifecycleCommand {

    @Override
    String done() {
        return "resumed";
    }

    @Override
    void apply(ConnectClient client, String name) {
        client.resume(name);
    }
}
