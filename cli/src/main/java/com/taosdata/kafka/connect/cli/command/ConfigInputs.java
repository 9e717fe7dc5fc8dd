package com.taosdata.kafka.connect.cli.command;

import java.util.ArrayList;
import java.util.List;

import com.taosdata.kafka.connect.cli.config.ConfigFileException;
import com.taosdata.kafka.connect.cli.config.ConnectorFile;
import com.taosdata.kafka.connect.cli.config.ConnectorFileReader;
import com.taosdata.kafka.connect.cli.validate.Report;

/** The FILE arguments of validate and deploy: each one a parsed config, or a report saying why it could not be read. */
final class ConfigInputs {

    /** Exactly one of the two is set. */
    record Input(ConnectorFile config, Report unreadable) {
    }

    private ConfigInputs() {
    }

    /**
     * Reads every file before validating any, so a missing file stops the run before it talks to the cluster.
     * A file that cannot be parsed becomes a report with one error rather than stopping the others.
     */
    static List<Input> readAll(List<String> files) {
        List<Input> inputs = new ArrayList<>();
        for (String file : files) {
            try {
                inputs.add(new Input(ConnectorFileReader.read(file), null));
            } catch (ConfigFileException e) {
                Report report = new Report(e.file(), null);
                report.error(e.key(), e.detail());
                inputs.add(new Input(null, report));
            }
        }
        return inputs;
    }
}
