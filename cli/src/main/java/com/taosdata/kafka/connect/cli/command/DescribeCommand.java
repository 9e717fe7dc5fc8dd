package com.taosdata.kafka.connect.cli.command;

import com.taosdata.kafka.connect.cli.client.ConnectClient;
import com.taosdata.kafka.connect.cli.client.ConnectorInfo;
import com.taosdata.kafka.connect.cli.client.ConnectorStatus;
import com.taosdata.kafka.connect.cli.error.ExitCode;
import com.taosdata.kafka.connect.cli.output.Printer;
import com.taosdata.kafka.connect.cli.output.Secrets;
import com.taosdata.kafka.connect.cli.output.StatusView;
import com.taosdata.kafka.connect.cli.validate.OfflineValidator;
import com.taosdata.kafka.connect.cli.validate.Plugins;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tdconnect describe NAME}: config with secrets masked, tasks and states, topics in use. */
@Command(name = "describe", description = "Show a connector's config (secrets masked), tasks, states and topics.")
public final class DescribeCommand extends ClusterCommand {

    @Parameters(paramLabel = "NAME", description = "Connector name.")
    String name;

    @Override
    int execute(Printer printer, ConnectClient client) {
        ConnectorInfo info = client.connector(name);
        ConnectorStatus status = client.status(name);
        Optional<List<String>> topics = client.topics(name);
        Secrets secrets = new Secrets(new OfflineValidator(Plugins.bundled())
                .passwordKeys(info.config().get("connector.class")));
        Map<String, String> config = new TreeMap<>(secrets.mask(info.config()));
        if (printer.json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("name", info.name());
            result.put("type", info.type());
            result.put("config", config);
            result.put(
                    "tasks",
                    info.tasks().stream().map(ConnectorInfo.TaskId::task).toList());
            result.put("topics", topics.orElse(null));
            result.put("status", status);
            printer.json(result);
        } else {
            printer.line("Name:    " + info.name());
            printer.line("Type:    " + info.type());
            printer.line("Topics:  "
                    + topics.map(t -> t.isEmpty() ? "(none yet)" : String.join(", ", t))
                            .orElse("(topic tracking disabled on the worker)"));
            printer.line("Config:");
            config.forEach((key, value) -> printer.line("  " + key + " = " + value));
            printer.line("Status:");
            StatusView.render(List.of(status), printer.ansi()).forEach(line -> printer.line("  " + line));
        }
        return status.anyFailed() ? ExitCode.INVALID_OR_FAILED : ExitCode.OK;
    }
}
