package com.taosdata.kafka.connect.cli.command;

import com.taosdata.kafka.connect.cli.client.ConnectClient;
import com.taosdata.kafka.connect.cli.client.WorkerInfo;
import com.taosdata.kafka.connect.cli.config.ConnectorFile;
import com.taosdata.kafka.connect.cli.config.DurationConverter;
import com.taosdata.kafka.connect.cli.error.CliException;
import com.taosdata.kafka.connect.cli.error.ExitCode;
import com.taosdata.kafka.connect.cli.output.ConfigDiff;
import com.taosdata.kafka.connect.cli.output.Printer;
import com.taosdata.kafka.connect.cli.output.Secrets;
import com.taosdata.kafka.connect.cli.validate.OnlineValidator;
import com.taosdata.kafka.connect.cli.validate.Report;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tdconnect deploy FILE...}: validates every file on the cluster first and deploys none if any is invalid;
 * then creates or updates each connector with {@code PUT /connectors/NAME/config}, skipping unchanged ones so that
 * re-running a deploy does not restart anything.
 */
@Command(
        name = "deploy",
        description = {
            "Validate, then create or update connectors from .properties/.json files (PUT /connectors/NAME/config).",
            "Prints created, updated (with the changed keys, secrets masked) or unchanged for each."
        })
public final class DeployCommand extends ClusterCommand {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = ".properties or .json connector config(s).")
    List<String> files;

    @Option(names = "--dry-run", description = "Validate and show what would change, without changing anything.")
    boolean dryRun;

    @Option(
            names = "--wait",
            description = "Wait until each connector and all its tasks are RUNNING; exit 1 if one FAILED.")
    boolean waitForRunning;

    @Option(
            names = "--wait-timeout",
            paramLabel = "DURATION",
            defaultValue = "2m",
            converter = DurationConverter.class,
            description = "How long --wait waits (default: ${DEFAULT-VALUE}).")
    Duration waitTimeout;

    /** The states a connector can be created in (KIP-980). */
    enum InitialState {
        RUNNING,
        PAUSED,
        STOPPED
    }

    @Option(
            names = "--initial-state",
            paramLabel = "STATE",
            description = "Create new connectors RUNNING, PAUSED "
                    + "or STOPPED (POST /connectors with initial_state; Kafka 3.8 and later), e.g. STOPPED to set their offsets "
                    + "before they read anything. Connectors that exist keep their state.")
    InitialState initialState;

    /** A config the cluster accepted, with the keys its plugin declares as PASSWORD. */
    private record Validated(ConnectorFile file, Set<String> passwordKeys) {}

    /** What deploy did (or, with --dry-run, would do) to one connector. */
    record Outcome(String file, String name, String result, List<ConfigDiff.Change> changes) {}

    @Override
    int execute(Printer printer, ConnectClient client) {
        if (initialState != null && initialState != InitialState.RUNNING && waitForRunning) {
            throw CliException.usage("--wait waits for RUNNING; a connector created " + initialState
                    + " does not get there: leave out --wait");
        }
        if (initialState != null) {
            requireInitialStates(client);
        }
        List<ConfigInputs.Input> inputs = ConfigInputs.readAll(files);
        OnlineValidator validator = new OnlineValidator(client);
        List<Report> reports = new ArrayList<>();
        List<Validated> valid = new ArrayList<>();
        for (ConfigInputs.Input input : inputs) {
            if (input.config() != null) {
                OnlineValidator.Result result = validator.validate(input.config());
                reports.add(result.report());
                valid.add(new Validated(input.config(), result.passwordKeys()));
            } else {
                reports.add(input.unreadable());
            }
        }
        if (!reports.stream().allMatch(Report::valid)) {
            ValidateCommand.print(printer, reports);
            printer.note("nothing deployed: fix the errors above first");
            return ExitCode.INVALID_OR_FAILED;
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Validated config : valid) {
            Outcome outcome = deploy(client, config.file(), new Secrets(config.passwordKeys()));
            outcomes.add(outcome);
            if (!printer.json()) {
                // Printed as each one is done, so a failure halfway leaves a record of what did change.
                print(printer, outcome);
            }
        }
        if (printer.json()) {
            printer.json(outcomes);
        }
        if (waitForRunning && !dryRun) {
            RunningWaiter waiter = new RunningWaiter(client, printer, root.sleeper());
            for (Outcome outcome : outcomes) {
                waiter.await(outcome.name(), waitTimeout);
                printer.note(outcome.name() + ": RUNNING");
            }
        }
        return ExitCode.OK;
    }

    private Outcome deploy(ConnectClient client, ConnectorFile file, Secrets secrets) {
        String name = file.name();
        Optional<Map<String, String>> existing = client.config(name);
        List<ConfigDiff.Change> changes = ConfigDiff.between(existing.orElse(Map.of()), file.config(), secrets);
        if (existing.isPresent() && changes.isEmpty()) {
            return new Outcome(file.file(), name, "unchanged", List.of());
        }
        String state = existing.isEmpty() && initialState != null ? " " + initialState : "";
        if (dryRun) {
            return new Outcome(
                    file.file(),
                    name,
                    existing.isPresent() ? "would be updated" : "would be created" + state,
                    existing.isPresent() ? changes : List.of());
        }
        if (existing.isEmpty() && initialState != null) {
            client.create(name, file.config(), initialState.name());
            return new Outcome(file.file(), name, "created" + state, List.of());
        }
        boolean created = client.putConfig(name, file.config()).created();
        return new Outcome(file.file(), name, created ? "created" : "updated", created ? List.of() : changes);
    }

    /** Creating a connector in a given state needs Kafka 3.8 (KIP-980): older workers are told apart by version. */
    private void requireInitialStates(ConnectClient client) {
        WorkerInfo worker = client.worker();
        if (!worker.atLeast(3, 8)) {
            throw CliException.usage("--initial-state needs a Connect worker of Kafka 3.8 or later (KIP-980); this one "
                    + "runs " + worker.version() + ": deploy without it, then run 'tdconnect stop NAME' (its tasks "
                    + "start and stop again in between)");
        }
    }

    private static void print(Printer printer, Outcome outcome) {
        printer.line(outcome.name() + ": " + outcome.result());
        outcome.changes().forEach(change -> printer.line(change.render()));
    }
}
