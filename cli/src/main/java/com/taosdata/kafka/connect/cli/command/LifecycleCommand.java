package com.taosdata.kafka.connect.cli.command;

import com.taosdata.kafka.connect.cli.client.ConnectClient;
import com.taosdata.kafka.connect.cli.error.ExitCode;
import com.taosdata.kafka.connect.cli.output.Printer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Parameters;

/** pause, resume, stop and delete: one REST call per named connector, one line of output each. */
abstract class LifecycleCommand extends ClusterCommand {

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "Connector name(s).")
    List<String> names;

    /** What the command did, as printed: "paused", "resumed", … */
    abstract String done();

    abstract void apply(ConnectClient client, String name);

    @Override
    int execute(Printer printer, ConnectClient client) {
        for (String name : names) {
            apply(client, name);
            if (printer.json()) {
                Map<String, String> result = new LinkedHashMap<>();
                result.put("name", name);
                result.put("result", done());
                printer.json(result);
            } else {
                printer.line(name + ": " + done());
            }
        }
        return ExitCode.OK;
    }
}
