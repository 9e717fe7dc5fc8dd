package com.taosdata.kafka.connect.cli.command;

import com.taosdata.kafka.connect.cli.config.ConfigDocument;
import com.taosdata.kafka.connect.cli.config.ConfigFileException;
import com.taosdata.kafka.connect.cli.config.ConnectorFile;
import com.taosdata.kafka.connect.cli.config.ConnectorFileReader;
import com.taosdata.kafka.connect.cli.validate.Report;
import java.util.ArrayList;
import java.util.List;

/**
 * The FILE arguments of validate and deploy: each one a parsed config, or a report saying why it could not be read
 * (or, for a YAML document validate skips, why there is nothing to check).
 */
final class ConfigInputs {

    /** Exactly one of the two is set; {@code unreadable} may also be a skipped document's report. */
    record Input(ConnectorFile config, Report unreadable) {}

    private ConfigInputs() {}

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
                inputs.add(new Input(null, unreadable(e.file(), e.key(), e.detail())));
            }
        }
        return inputs;
    }

    /** Like {@link #readAll}, with KafkaConnector YAML too: one input per document. */
    static List<Input> readDocuments(List<String> files) {
        List<Input> inputs = new ArrayList<>();
        for (String file : files) {
            try {
                ConnectorFileReader.readDocuments(file).forEach(document -> inputs.add(input(document)));
            } catch (ConfigFileException e) {
                inputs.add(new Input(null, unreadable(e.file(), e.key(), e.detail())));
            }
        }
        return inputs;
    }

    private static Input input(ConfigDocument document) {
        if (document instanceof ConnectorFile config) {
            return new Input(config, null);
        }
        if (document instanceof ConfigDocument.Skipped skipped) {
            return new Input(null, Report.skipped(skipped.file(), skipped.reason()));
        }
        ConfigDocument.Broken broken = (ConfigDocument.Broken) document;
        return new Input(null, unreadable(broken.file(), broken.key(), broken.detail()));
    }

    private static Report unreadable(String file, String key, String detail) {
        Report report = new Report(file, null);
        report.error(key, detail);
        return report;
    }
}
