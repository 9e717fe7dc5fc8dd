package com.taosdata.kafka.connect.cli.command;

import com.taosdata.kafka.connect.cli.client.ConnectClient;
import com.taosdata.kafka.connect.cli.client.ConnectorStatus;
import com.taosdata.kafka.connect.cli.error.ExitCode;
import com.taosdata.kafka.connect.cli.output.Printer;
import com.taosdata.kafka.connect.cli.output.StatusView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tdconnect restart NAME [--include-tasks] [--only-failed]}. */
@Command(
        name = "restart",
        description = "Restart a connector, and with --include-tasks its tasks " + "(POST /connectors/NAME/restart).")
public final class RestartCommand extends ClusterCommand {

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "Connector name(s).")
    List<String> names;

    @Option(names = "--include-tasks", description = "Restart the tasks as well as the connector.")
    boolean includeTasks;

    @Option(names = "--only-failed", description = "Restart only the connector and tasks that are FAILED.")
    boolean onlyFailed;

    @Override
    int execute(Printer printer, ConnectClient client) {
        for (String name : names) {
            Optional<ConnectorStatus> restarting = client.restart(name, includeTasks, onlyFailed);
            if (printer.json()) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("name", name);
                result.put("result", "restarting");
                restarting.ifPresent(status -> result.put("status", status));
                printer.json(result);
            } else {
                printer.line(name + ": restarting");
                restarting.ifPresent(status ->
                        StatusView.render(List.of(status), printer.ansi()).forEach(printer::line));
            }
        }
        return ExitCode.OK;
    }
}
