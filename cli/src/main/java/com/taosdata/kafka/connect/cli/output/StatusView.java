package com.taosdata.kafka.connect.cli.output;

import com.taosdata.kafka.connect.cli.client.ConnectorStatus;
import com.taosdata.kafka.connect.cli.client.ConnectorStatus.TaskState;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine.Help.Ansi;

/** Connector and task states as a table: one row per connector, one indented row per task, first trace line last. */
public final class StatusView {

    private StatusView() {}

    public static List<String> render(Collection<ConnectorStatus> statuses, Ansi ansi) {
        Table table = new Table("CONNECTOR", "TYPE", "STATE", "WORKER", "TRACE");
        table.style(2, state -> Styles.state(ansi, state));
        for (ConnectorStatus status : statuses) {
            ConnectorStatus.State connector = status.connector();
            table.row(
                    status.name(),
                    status.type(),
                    status.connectorState(),
                    connector == null ? "" : connector.workerId(),
                    connector == null ? "" : Traces.firstLine(connector.trace()));
            for (TaskState task : status.tasks()) {
                table.row("  task " + task.id(), "", task.state(), task.workerId(), Traces.firstLine(task.trace()));
            }
        }
        return table.render();
    }

    /** One line for a progress display: "sink-demo RUNNING, tasks 1/2 RUNNING". */
    public static String progress(ConnectorStatus status) {
        long running =
                status.tasks().stream().filter(t -> "RUNNING".equals(t.state())).count();
        return status.name() + " " + status.connectorState() + ", tasks " + running + "/"
                + status.tasks().size() + " RUNNING";
    }
}
