package com.taosdata.kafka.connect.cli.command;

import com.taosdata.kafka.connect.cli.client.ConnectClient;
import com.taosdata.kafka.connect.cli.client.PluginInfo;
import com.taosdata.kafka.connect.cli.error.ExitCode;
import com.taosdata.kafka.connect.cli.output.Printer;
import com.taosdata.kafka.connect.cli.output.Table;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tdconnect plugins}: what the cluster's plugin.path offers, SMTs and converters included. */
@Command(name = "plugins", description = "List the plugins installed on the cluster (GET /connector-plugins).")
public final class PluginsCommand extends ClusterCommand {

    @Option(names = "--connectors-only", description = "Only connectors, no transformations, predicates or converters.")
    boolean connectorsOnly;

    @Override
    int execute(Printer printer, ConnectClient client) {
        List<PluginInfo> plugins = client.plugins(connectorsOnly).stream()
                .sorted(Comparator.comparing(PluginInfo::type).thenComparing(PluginInfo::className))
                .toList();
        if (printer.json()) {
            printer.json(plugins);
            return ExitCode.OK;
        }
        Table table = new Table("CLASS", "TYPE", "VERSION");
        plugins.forEach(p -> table.row(p.className(), p.type(), p.version()));
        table.render().forEach(printer::line);
        return ExitCode.OK;
    }
}
