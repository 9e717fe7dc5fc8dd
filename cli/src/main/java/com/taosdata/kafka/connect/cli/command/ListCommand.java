package com.taosdata.kafka.connect.cli.command;

import com.taosdata.kafka.connect.cli.client.ConnectClient;
import com.taosdata.kafka.connect.cli.error.ExitCode;
import com.taosdata.kafka.connect.cli.output.Printer;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code tdconnect list}: names only, one per line, so it composes with xargs. */
@Command(name = "list", description = "List connector names (GET /connectors).")
public final class ListCommand extends ClusterCommand {

    @Override
    int execute(Printer printer, ConnectClient client) {
        List<String> names = client.listConnectors().stream().sorted().toList();
        if (printer.json()) {
            printer.json(names);
        } else {
            names.forEach(printer::line);
        }
        return ExitCode.OK;
    }
}
