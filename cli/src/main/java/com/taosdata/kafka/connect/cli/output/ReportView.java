package com.taosdata.kafka.connect.cli.output;

import com.taosdata.kafka.connect.cli.validate.Finding;
import com.taosdata.kafka.connect.cli.validate.Report;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Help.Ansi;

/** Validation reports as {@code FILE: key: message} lines, the format editors and CI logs link to. */
public final class ReportView {

    private ReportView() {}

    public static List<String> render(Report report, Ansi ansi) {
        List<String> lines = new ArrayList<>();
        if (report.skipped() != null) {
            lines.add(report.file() + ": " + Styles.yellow(ansi, "skipped: " + report.skipped()));
            return lines;
        }
        for (Finding error : report.errors()) {
            lines.add(report.file() + ": " + error.key() + ": " + Styles.red(ansi, error.message()));
        }
        for (Finding warning : report.warnings()) {
            lines.add(
                    report.file() + ": " + warning.key() + ": " + Styles.yellow(ansi, "warning: " + warning.message()));
        }
        if (report.valid()) {
            lines.add(report.file() + ": " + Styles.green(ansi, "OK"));
        }
        return lines;
    }
}
