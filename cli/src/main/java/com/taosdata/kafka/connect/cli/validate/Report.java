package com.taosdata.kafka.connect.cli.validate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.taosdata.kafka.connect.cli.config.ConnectorFile;
import com.taosdata.kafka.connect.cli.config.Remark;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The outcome of validating one file (or YAML document): what the worker would reject (errors) and what deserves a
 * look (warnings), or why it was skipped.
 */
@JsonPropertyOrder({"file", "name", "valid", "skipped", "errors", "warnings"})
public final class Report {

    private final String file;
    private final String name;
    private final Set<Finding> errors = new LinkedHashSet<>();
    private final Set<Finding> warnings = new LinkedHashSet<>();
    private String skipped;

    public Report(String file, String name) {
        this.file = file;
        this.name = name;
    }

    /** A report on a connector file that starts with what reading the file had to say around the config. */
    public static Report of(ConnectorFile file) {
        Report report = new Report(file.file(), file.name());
        for (Remark remark : file.remarks()) {
            if (remark.error()) {
                report.error(remark.key(), remark.message());
            } else {
                report.warning(remark.key(), remark.message());
            }
        }
        return report;
    }

    /** A document that holds no connector (a KafkaConnect beside the KafkaConnectors): nothing to check. */
    public static Report skipped(String file, String reason) {
        Report report = new Report(file, null);
        report.skipped = reason;
        return report;
    }

    public void error(String key, String message) {
        errors.add(new Finding(key, oneLine(message)));
    }

    public void warning(String key, String message) {
        warnings.add(new Finding(key, oneLine(message)));
    }

    /** Keeps the {@code FILE: key: message} format one line per finding, whatever a plugin's message holds. */
    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    @JsonProperty("file")
    public String file() {
        return file;
    }

    @JsonProperty("name")
    public String name() {
        return name;
    }

    @JsonProperty("valid")
    public boolean valid() {
        return errors.isEmpty();
    }

    @JsonProperty("skipped")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String skipped() {
        return skipped;
    }

    @JsonProperty("errors")
    public List<Finding> errors() {
        return sorted(errors);
    }

    @JsonProperty("warnings")
    public List<Finding> warnings() {
        return sorted(warnings);
    }

    /** True when an error or warning already names this key. */
    public boolean mentions(String key) {
        return errors.stream().anyMatch(f -> f.key().equals(key))
                || warnings.stream().anyMatch(f -> f.key().equals(key));
    }

    /** Drops errors on keys whose value is an unresolved placeholder: only the worker can check those. */
    public void forgiveErrorsOn(Set<String> keys) {
        errors.removeIf(f -> keys.contains(f.key()));
    }

    private static List<Finding> sorted(Set<Finding> findings) {
        List<Finding> list = new ArrayList<>(findings);
        list.sort(Comparator.comparing(Finding::key));
        return list;
    }
}
