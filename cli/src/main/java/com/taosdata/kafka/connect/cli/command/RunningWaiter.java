package com.taosdata.kafka.connect.cli.command;

import com.taosdata.kafka.connect.cli.client.ConnectClient;
import com.taosdata.kafka.connect.cli.client.ConnectorNotFoundException;
import com.taosdata.kafka.connect.cli.client.ConnectorStatus;
import com.taosdata.kafka.connect.cli.error.CliException;
import com.taosdata.kafka.connect.cli.output.Printer;
import com.taosdata.kafka.connect.cli.output.StatusView;
import com.taosdata.kafka.connect.cli.output.Traces;
import com.taosdata.kafka.connect.connection.Sleeper;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code deploy --wait}: polls the status until the connector and all its tasks are RUNNING, or one FAILED. */
final class RunningWaiter {

    static final Duration POLL = Duration.ofMillis(500);

    private final ConnectClient client;
    private final Printer printer;
    private final Sleeper sleeper;

    RunningWaiter(ConnectClient client, Printer printer, Sleeper sleeper) {
        this.client = client;
        this.printer = printer;
        this.sleeper = sleeper;
    }

    ConnectorStatus await(String name, Duration timeout) {
        // Counting polls rather than reading the clock keeps the wait deterministic under a test's sleeper.
        long polls = Math.max(1, timeout.toMillis() / POLL.toMillis());
        for (long poll = 1; ; poll++) {
            Optional<ConnectorStatus> status = status(name);
            String progress = status.map(StatusView::progress).orElse(name + " has no status yet");
            printer.progress("waiting: " + progress);
            if (status.isPresent() && status.get().anyFailed()) {
                throw CliException.failed(name + " FAILED: " + failure(status.get()));
            }
            if (status.isPresent() && status.get().allRunning()) {
                return status.get();
            }
            if (poll >= polls) {
                throw CliException.failed(name + " is not RUNNING after " + timeout.toSeconds() + "s: " + progress
                        + "; see 'tdconnect status " + name + "'");
            }
            try {
                sleeper.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw CliException.failed("interrupted while waiting for " + name);
            }
        }
    }

    /** Right after it is created a connector has no status for a moment, which the REST API answers with 404. */
    private Optional<ConnectorStatus> status(String name) {
        try {
            return Optional.of(client.status(name));
        } catch (ConnectorNotFoundException e) {
            return Optional.empty();
        }
    }

    private static String failure(ConnectorStatus status) {
        if ("FAILED".equals(status.connectorState())) {
            return "connector: " + Traces.summary(status.connector().trace());
        }
        return status.tasks().stream()
                .filter(t -> "FAILED".equals(t.state()))
                .map(t -> "task " + t.id() + " on " + t.workerId() + ": " + Traces.summary(t.trace()))
                .collect(Collectors.joining("\n"));
    }
}
