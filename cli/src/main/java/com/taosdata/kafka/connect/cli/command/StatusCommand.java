package com.taosdata.kafka.connect.cli.command;

import com.taosdata.kafka.connect.cli.client.ConnectClient;
import com.taosdata.kafka.connect.cli.client.ConnectorStatus;
import com.taosdata.kafka.connect.cli.config.DurationConverter;
import com.taosdata.kafka.connect.cli.error.CliException;
import com.taosdata.kafka.connect.cli.error.ExitCode;
import com.taosdata.kafka.connect.cli.output.Printer;
import com.taosdata.kafka.connect.cli.output.StatusView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tdconnect status [NAME...] [--watch]}: exits 1 when a connector or task is FAILED, so scripts can alert. */
@Command(
        name = "status",
        description = {
            "Show connector and task states with worker ids and the first line of any trace.",
            "Without NAME: every connector (GET /connectors?expand=status). Exits 1 when anything is FAILED."
        })
public final class StatusCommand extends ClusterCommand {

    private static final String CLEAR_SCREEN = "\u001B[H\u001B[2J";

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Connector name(s); all connectors when omitted.")
    List<String> names = new ArrayList<>();

    @Option(
            names = {"-w", "--watch"},
            description = "Refresh until interrupted (or --count refreshes).")
    boolean watch;

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            defaultValue = "2s",
            converter = DurationConverter.class,
            description = "Time between refreshes with --watch (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(
            names = "--count",
            paramLabel = "N",
            defaultValue = "0",
            description = "With --watch: stop after N refreshes; 0 means never (default: ${DEFAULT-VALUE}).")
    int count;

    @Override
    int execute(Printer printer, ConnectClient client) {
        if (count < 0) {
            throw CliException.usage("--count " + count + ": must be 0 (no limit) or more");
        }
        int code = show(printer, client);
        for (int shown = 1; watch && (count == 0 || shown < count); shown++) {
            try {
                root.sleeper().sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return code;
            }
            if (root.terminal() && !printer.json()) {
                printer.line(CLEAR_SCREEN);
            }
            code = show(printer, client);
        }
        return code;
    }

    private int show(Printer printer, ConnectClient client) {
        Collection<ConnectorStatus> statuses = fetch(client);
        if (printer.json()) {
            printer.json(statuses);
        } else if (statuses.isEmpty()) {
            printer.line("no connectors");
        } else {
            StatusView.render(statuses, printer.ansi()).forEach(printer::line);
        }
        return statuses.stream().anyMatch(ConnectorStatus::anyFailed) ? ExitCode.INVALID_OR_FAILED : ExitCode.OK;
    }

    private Collection<ConnectorStatus> fetch(ConnectClient client) {
        if (names.isEmpty()) {
            return client.listStatuses().values();
        }
        List<ConnectorStatus> statuses = new ArrayList<>();
        for (String name : names) {
            if (name.isBlank()) {
                throw CliException.usage("connector name must not be blank");
            }
            statuses.add(client.status(name));
        }
        return statuses;
    }
}
