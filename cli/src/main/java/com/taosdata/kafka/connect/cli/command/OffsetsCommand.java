package com.taosdata.kafka.connect.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.taosdata.kafka.connect.cli.client.ConnectClient;
import com.taosdata.kafka.connect.cli.client.ConnectorNotFoundException;
import com.taosdata.kafka.connect.cli.client.ConnectorOffsets;
import com.taosdata.kafka.connect.cli.client.ConnectorStatus;
import com.taosdata.kafka.connect.cli.config.InstantConverter;
import com.taosdata.kafka.connect.cli.error.CliException;
import com.taosdata.kafka.connect.cli.error.ExitCode;
import com.taosdata.kafka.connect.cli.output.Printer;
import com.taosdata.kafka.connect.cli.output.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tdconnect offsets NAME [--reset | --set FILE | --table T --from TIME]}: reading works in any state;
 * resetting and setting only when STOPPED, as the worker requires.
 */
@Command(
        name = "offsets",
        description = {
            "Show, reset or set a connector's committed offsets.",
            "GET /connectors/NAME/offsets; --reset DELETEs them, --set and --table/--from PATCH them: both need a STOPPED "
                    + "connector ('tdconnect stop NAME'), which resumes from the new offsets when started again."
        })
public final class OffsetsCommand extends ClusterCommand {

    private static final ObjectMapper COMPACT =
            new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Parameters(paramLabel = "NAME", description = "Connector name.")
    String name;

    @Option(names = "--reset", description = "Delete all committed offsets.")
    boolean reset;

    @Option(
            names = "--set",
            paramLabel = "FILE",
            description =
                    "Set the offsets a JSON file lists, in the shape "
                            + "'tdconnect offsets NAME -o json' prints (edit its output); an offset of null resets that partition.")
    String file;

    @Option(
            names = "--table",
            paramLabel = "TABLE",
            description = "With --from: the table (or subtable) of a " + "query-mode source to read again from TIME.")
    String table;

    @Option(
            names = "--from",
            paramLabel = "TIME",
            converter = InstantConverter.class,
            description =
                    "With --table: "
                            + "the first timestamp to read, ISO-8601 with a zone offset (2024-05-01T08:00:00Z) or epoch milliseconds.")
    Instant from;

    @Override
    int execute(Printer printer, ConnectClient client) {
        boolean fromTime = table != null || from != null;
        if ((reset ? 1 : 0) + (file != null ? 1 : 0) + (fromTime ? 1 : 0) > 1) {
            throw CliException.usage("use one of --reset, --set FILE and --table TABLE --from TIME");
        }
        if (fromTime && (table == null || from == null)) {
            throw CliException.usage("--table and --from go together: --table TABLE --from TIME");
        }
        if (reset) {
            return reset(printer, client);
        }
        if (file != null) {
            ConnectorOffsets offsets = OffsetsFile.read(file);
            requireStopped(client, "set");
            return altered(printer, client, offsets, null);
        }
        if (fromTime) {
            return setFrom(printer, client);
        }
        return show(printer, client);
    }

    private int show(Printer printer, ConnectClient client) {
        ConnectorOffsets offsets = client.offsets(name);
        if (printer.json()) {
            printer.json(offsets);
        } else if (offsets.offsets().isEmpty()) {
            printer.line(name + ": no committed offsets");
        } else {
            Table rows = new Table("PARTITION", "OFFSET");
            offsets.offsets().forEach(entry -> rows.row(compact(entry.partition()), compact(entry.offset())));
            rows.render().forEach(printer::line);
        }
        return ExitCode.OK;
    }

    private int reset(Printer printer, ConnectClient client) {
        requireStopped(client, "reset");
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

    private int setFrom(Printer printer, ConnectClient client) {
        Map<String, String> config = client.config(name).orElseThrow(() -> new ConnectorNotFoundException(name));
        ConnectorOffsets current = client.offsets(name);
        ConnectorOffsets.Entry entry = TableOffset.build(name, config, current, table, from);
        requireStopped(client, "set");
        String note = TableOffset.known(current, entry)
                ? null
                : "no offset was stored for table '" + table + "' before: check its name is the one SHOW TABLES lists";
        return altered(printer, client, new ConnectorOffsets(List.of(entry)), note);
    }

    private int altered(Printer printer, ConnectClient client, ConnectorOffsets offsets, String note) {
        String message = client.alterOffsets(name, offsets);
        if (printer.json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("name", name);
            result.put("result", "offsets set");
            result.put("message", message);
            result.put("offsets", offsets.offsets());
            printer.json(result);
        } else {
            printer.line(name + ": offsets set (" + message + ")");
            offsets.offsets().forEach(e -> printer.line("  " + compact(e.partition()) + " -> " + compact(e.offset())));
            printer.line("run 'tdconnect resume " + name + "' to read from there");
        }
        if (note != null) {
            printer.note(note);
        }
        return ExitCode.OK;
    }

    private void requireStopped(ConnectClient client, String verb) {
        ConnectorStatus status = client.status(name);
        if (!"STOPPED".equals(status.connectorState())) {
            throw CliException.failed(
                    "connector '" + name + "' is " + status.connectorState() + "; offsets can only be " + verb
                            + " while it is STOPPED: run 'tdconnect stop " + name + "' first");
        }
    }

    private static String compact(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
