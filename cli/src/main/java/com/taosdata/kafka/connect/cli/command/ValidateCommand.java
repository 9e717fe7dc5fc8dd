package com.taosdata.kafka.connect.cli.command;

import com.taosdata.kafka.connect.cli.config.ConnectorFile;
import com.taosdata.kafka.connect.cli.error.ExitCode;
import com.taosdata.kafka.connect.cli.output.Printer;
import com.taosdata.kafka.connect.cli.output.ReportView;
import com.taosdata.kafka.connect.cli.validate.OfflineValidator;
import com.taosdata.kafka.connect.cli.validate.OnlineValidator;
import com.taosdata.kafka.connect.cli.validate.Plugins;
import com.taosdata.kafka.connect.cli.validate.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tdconnect validate FILE... [--offline]}. Not a {@link ClusterCommand}: with {@code --offline}
 * no client is even created, so nothing can touch the network.
 */
@Command(
        name = "validate",
        description = {
            "Validate connector configs (.properties, .json, or Strimzi KafkaConnector .yaml) and list every error as"
                    + " FILE: key: message (FILE#N for the Nth document of a YAML file).",
            "With a cluster: PUT /connector-plugins/CLASS/config/validate.",
            "With --offline: no network; the worker's rules plus our connectors' and SMTs' own checks."
        })
public final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    Invocation root;

    @Parameters(
            arity = "1..*",
            paramLabel = "FILE",
            description = ".properties or .json connector config(s), or YAML files of KafkaConnector resources.")
    List<String> files;

    @Option(names = "--offline", description = "Validate without a cluster (for CI).")
    boolean offline;

    @Override
    public Integer call() {
        Printer printer = root.printer();
        List<ConfigInputs.Input> inputs = ConfigInputs.readDocuments(files);
        Function<ConnectorFile, Report> validator = offline
                ? new OfflineValidator(Plugins.bundled())::validate
                : onlineValidator(new OnlineValidator(root.client()));
        List<Report> reports = new ArrayList<>();
        for (ConfigInputs.Input input : inputs) {
            reports.add(input.config() != null ? validator.apply(input.config()) : input.unreadable());
        }
        print(printer, reports);
        return reports.stream().allMatch(Report::valid) ? ExitCode.OK : ExitCode.INVALID_OR_FAILED;
    }

    private static Function<ConnectorFile, Report> onlineValidator(OnlineValidator validator) {
        return config -> validator.validate(config).report();
    }

    static void print(Printer printer, List<Report> reports) {
        if (printer.json()) {
            printer.json(reports);
        } else {
            reports.forEach(report -> ReportView.render(report, printer.ansi()).forEach(printer::line));
        }
    }
}
