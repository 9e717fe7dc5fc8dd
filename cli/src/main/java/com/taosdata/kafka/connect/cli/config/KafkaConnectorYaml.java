package com.taosdata.kafka.connect.cli.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strimzi {@code KafkaConnector} resources, one or many per file ({@code ---} between documents), as kept in Git for
 * the operator: {@code metadata.name} is the connector's name, {@code spec.class} its {@code connector.class},
 * {@code spec.tasksMax} its {@code tasks.max} and {@code spec.config} the rest. Documents of other kinds (the
 * KafkaConnect, a Role) are skipped: they configure the worker, not a connector.
 */
final class KafkaConnectorYaml {

    static final String KIND = "KafkaConnector";
    static final String API_GROUP = "kafka.strimzi.io/";
    static final String CLUSTER_LABEL = "strimzi.io/cluster";
    /** The states {@code spec.state} takes, as Strimzi's CRD spells them. */
    static final List<String> STATES = List.of("running", "paused", "stopped");
    /** spec.config keys Strimzi sets itself, from metadata.name, spec.class and spec.tasksMax. */
    private static final Map<String, String> SET_BY_STRIMZI =
            Map.of("name", "metadata.name", "connector.class", "spec.class", "tasks.max", "spec.tasksMax");

    private static final YAMLMapper MAPPER = new YAMLMapper();
    private static final Pattern MARK = Pattern.compile("\\s*in 'reader', line (\\d+), column \\d+:\\s*\\^?");

    private KafkaConnectorYaml() {}

    static List<ConfigDocument> read(String file, Path path) {
        List<ConfigDocument> documents = new ArrayList<>();
        int number = 0;
        try (MappingIterator<JsonNode> nodes = MAPPER.readerFor(JsonNode.class).readValues(path.toFile())) {
            while (nodes.hasNextValue()) {
                JsonNode node = nodes.nextValue();
                number++;
                if (node == null || node.isNull() || node.isMissingNode()) {
                    continue;
                }
                try {
                    documents.add(document(file + "#" + number, node));
                } catch (ConfigFileException e) {
                    documents.add(new ConfigDocument.Broken(e.file(), e.key(), e.detail()));
                }
            }
        } catch (JsonProcessingException e) {
            documents.add(new ConfigDocument.Broken(file + "#" + (number + 1), "(file)", syntaxError(e)));
        } catch (IOException e) {
            throw new ConfigFileException(file, "(file)", "cannot read: " + e.getMessage(), e);
        }
        if (documents.isEmpty()) {
            throw new ConfigFileException(
                    file, "(file)", "no YAML document in it; expected KafkaConnector resources", null);
        }
        return documents;
    }

    private static ConfigDocument document(String label, JsonNode node) {
        if (!node.isObject()) {
            throw new ConfigFileException(
                    label,
                    "(document)",
                    "expected a Kubernetes resource (a mapping with" + " apiVersion, kind, metadata and spec), got "
                            + describe(node),
                    null);
        }
        String kind = text(node.path("kind"));
        String name = text(node.path("metadata").path("name"));
        if (kind == null) {
            throw new ConfigFileException(label, "kind", "missing: expected a Strimzi resource of kind " + KIND, null);
        }
        if (!kind.equals(KIND)) {
            return new ConfigDocument.Skipped(
                    label,
                    kind + (name == null ? "" : " " + name) + " is not a " + KIND
                            + "; validate checks connectors only");
        }
        if (name == null) {
            throw new ConfigFileException(
                    label, "metadata.name", "missing: a " + KIND + "'s name is its connector's name", null);
        }
        JsonNode spec = node.path("spec");
        if (!spec.isObject()) {
            throw new ConfigFileException(
                    label, "spec", "missing: a " + KIND + " needs spec.class and spec.config", null);
        }
        String connectorClass = text(spec.path("class"));
        if (connectorClass == null) {
            throw new ConfigFileException(
                    label,
                    "spec.class",
                    "missing: every connector needs the class (or alias) of" + " its connector",
                    null);
        }
        JsonNode configNode = spec.path("config");
        if (!configNode.isMissingNode() && !configNode.isNull() && !configNode.isObject()) {
            throw new ConfigFileException(
                    label, "spec.config", "expected a mapping of keys to values, got " + describe(configNode), null);
        }
        List<Remark> remarks = new ArrayList<>();
        Map<String, String> config = new TreeMap<>(
                configNode.isObject() ? ConnectorFileReader.flatten(label, configNode, "YAML") : Map.of());
        for (Map.Entry<String, String> setByStrimzi : SET_BY_STRIMZI.entrySet()) {
            if (config.containsKey(setByStrimzi.getKey())) {
                remarks.add(Remark.error(
                        setByStrimzi.getKey(),
                        "cannot be set in spec.config: Strimzi sets it from " + setByStrimzi.getValue()));
            }
        }
        config.put("name", name);
        config.put("connector.class", connectorClass);
        JsonNode tasksMax = spec.path("tasksMax");
        if (!tasksMax.isMissingNode() && !tasksMax.isNull()) {
            config.put("tasks.max", tasksMax.asText());
        } else {
            config.remove("tasks.max");
        }
        remarks.addAll(resourceRemarks(node, spec));
        return new ConnectorFile(label, name, config, remarks);
    }

    /** What Strimzi's CRD and operator require of the resource around the config. */
    private static List<Remark> resourceRemarks(JsonNode node, JsonNode spec) {
        List<Remark> remarks = new ArrayList<>();
        String apiVersion = text(node.path("apiVersion"));
        if (apiVersion == null || !apiVersion.startsWith(API_GROUP)) {
            remarks.add(Remark.error(
                    "apiVersion",
                    (apiVersion == null ? "missing" : "'" + apiVersion + "'") + ": a " + KIND + " is " + API_GROUP
                            + "v1beta2"));
        }
        JsonNode state = spec.path("state");
        if (!state.isMissingNode() && !state.isNull() && !STATES.contains(state.asText())) {
            remarks.add(Remark.error(
                    "spec.state",
                    "'" + state.asText() + "' is not a state Strimzi knows: use " + String.join(", ", STATES)));
        }
        if (spec.has("pause")) {
            remarks.add(Remark.warning("spec.pause", "deprecated by Strimzi: use spec.state (paused or running)"));
        }
        if (text(node.path("metadata").path("labels").path(CLUSTER_LABEL)) == null) {
            remarks.add(Remark.warning(
                    "metadata.labels",
                    "no " + CLUSTER_LABEL + " label: the operator deploys a " + KIND
                            + " only on the KafkaConnect that label names"));
        }
        return remarks;
    }

    /**
     * The parser's message without its source excerpts ({@code in 'reader', line 9, column 1: ^}), at the line where it
     * found the problem: the last one it names, else where Jackson stood.
     */
    static String syntaxError(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        Matcher mark = MARK.matcher(message);
        String line =
                e.getLocation() == null ? null : String.valueOf(e.getLocation().getLineNr());
        while (mark.find()) {
            line = mark.group(1);
        }
        String problem = MARK.matcher(message).replaceAll("").strip();
        return "malformed YAML" + (line == null ? "" : " at line " + line) + ": " + problem;
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() && !node.asText().isBlank()
                ? node.asText().strip()
                : null;
    }

    private static String describe(JsonNode node) {
        return node.isArray() ? "a list" : node.isObject() ? "a mapping" : "'" + node.asText() + "'";
    }

    /** Whether the file name says YAML. */
    static boolean isYaml(String lowerCaseFile) {
        return lowerCaseFile.endsWith(".yaml") || lowerCaseFile.endsWith(".yml");
    }
}
