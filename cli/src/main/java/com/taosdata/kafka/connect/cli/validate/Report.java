package com.taosdata.kafka.connect.cli.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The outcome of validating one file: what the worker would reject (errors) and what deserves a look (warnings). */
@JsonPropertyOrder({"file", "name", "valid", "errors", "warnings"})
public final class Report {

    private final String file;
    private final String name;
    private final Set<Finding> errors = new LinkedHashSet<>();
    private final Set<Finding> warnings = new LinkedHashSet<>();

    public Report(String file, String name) {
        this.file = file;
        this.name = name;
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
        return errors.stream().anyMatch(f -> f.key().equals(key)) || warnings.stream().anyMatch(f -> f.key().equals(key));
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
