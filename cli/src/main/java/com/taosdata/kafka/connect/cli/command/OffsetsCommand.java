package com.taosdata.kafka.connect.cli.command;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.taosdata.kafka.connect.cli.client.ConnectClient;
import com.taosdata.kafka.connect.cli.client.ConnectorOffsets;
import com.taosdata.kafka.connect.cli.client.ConnectorStatus;
import com.taosdata.kafka.connect.cli.error.CliException;
import com.taosdata.kafka.connect.cli.error.ExitCode;
import com.taosdata.kafka.connect.cli.output.Printer;
import com.taosdata.kafka.connect.cli.output.Table;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tdconnect offsets NAME [--reset]}: reading works in any state, resetting only when STOPPED. */
@Command(name = "offsets", description = {"Show or reset a connector's committed offsets.",
        "GET /connectors/NAME/offsets; with --reset DELETE /connectors/NAME/offsets, which needs a STOPPED connector."})
public final class OffsetsCommand extends ClusterCommand {

    private static final ObjectMapper COMPACT = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Parameters(paramLabel = "NAME", description = "Connector name.")
    String name;

    @Option(names = "--reset", description = "Delete all committed offsets; run 'tdconnect stop NAME' first.")
    boolean reset;

    @Override
    int execute(Printer printer, ConnectClient client) {
        return reset ? reset(printer, client) : show(printer, client);
    }

    private int show(Printer printer, ConnectClient client) {
        ConnectorOffsets offsets = client.offsets(name);
        if (printer.json()) {
            printer.json(offsets);
        } else if (offsets.offsets().isEmpty()) {
            printer.line(name + ": no committed offsets");
        } else {
            Table table = new Table("PARTITION", "OFFSET");
            offsets.offsets().forEach(entry -> table.row(compact(entry.partition()), compact(entry.offset())));
            table.render().forEach(printer::line);
        }
        return ExitCode.OK;
    }

    private int reset(Printer printer, ConnectClient client) {
        ConnectorStatus status = client.status(name);
        if (!"STOPPED".equals(status.connectorState())) {
            throw CliException.failed("connector '" + name + "' is " + status.connectorState()
                    + "; offsets can only be reset while it is STOPPED: run 'tdconnect stop " + name + "' first");
        }
        String message = client.resetOffsets(name);
        if (printer.json()) {
            Map<String, String> result = new LinkedHashMap<>();
            result.put("name", name);
            result.put("result", "offsets reset");
            result.put("message", message);
            printer.json(result);
        } else {
            printer.line(name + ": offsets reset (" + message + ")");
        }
        return ExitCode.OK;
    }

    private static String compact(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
