package com.taosdata.kafka.connect.cli.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.taosdata.kafka.connect.cli.error.CliException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads {@code .properties} files (like the tutorial's sink-demo.properties) and {@code .json} files,
 * either {@code {"name": …, "config": {…}}} as the REST API takes them or a flat map of strings; for validation
 * also YAML files of Strimzi KafkaConnector resources ({@link KafkaConnectorYaml}).
 */
public final class ConnectorFileReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ConnectorFileReader() {}

    /** The documents of a file to validate: one for .properties and .json, one per KafkaConnector for YAML. */
    public static List<ConfigDocument> readDocuments(String file) {
        Path path = existing(file);
        if (KafkaConnectorYaml.isYaml(file.toLowerCase(Locale.ROOT))) {
            return KafkaConnectorYaml.read(file, path);
        }
        if (!isPropertiesOrJson(file)) {
            throw CliException.usage(
                    file + ": unsupported file type; use .properties, .json or .yaml (KafkaConnector)");
        }
        return List.of(read(file));
    }

    /**
     * One connector config to deploy. KafkaConnector YAML is not taken: the Strimzi operator deploys those, and
     * would undo what the REST API was told.
     */
    public static ConnectorFile read(String file) {
        Path path = existing(file);
        String lower = file.toLowerCase(Locale.ROOT);
        if (KafkaConnectorYaml.isYaml(lower)) {
            throw CliException.usage(file + ": KafkaConnector YAML is deployed by the Strimzi operator (kubectl apply);"
                    + " tdconnect validate checks it, deploy takes .properties or .json");
        }
        Map<String, String> config;
        if (lower.endsWith(".properties")) {
            config = readProperties(file, path);
        } else if (lower.endsWith(".json")) {
            config = readJson(file, path);
        } else {
            throw CliException.usage(file + ": unsupported file type; use .properties or .json");
        }
        return new ConnectorFile(file, config.get("name"), config);
    }

    private static Path existing(String file) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw CliException.usage(file + ": no such file");
        }
        return path;
    }

    private static boolean isPropertiesOrJson(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        return lower.endsWith(".properties") || lower.endsWith(".json");
    }

    private static Map<String, String> readProperties(String file, Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigFileException(file, "(file)", "cannot read: " + e.getMessage(), e);
        }
        Map<String, String> config = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> config.put(key, properties.getProperty(key)));
        return config;
    }

    private static Map<String, String> readJson(String file, Path path) {
        JsonNode root;
        try {
            root = MAPPER.readTree(path.toFile());
        } catch (JsonProcessingException e) {
            throw new ConfigFileException(
                    file,
                    "(file)",
                    "malformed JSON at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw new ConfigFileException(file, "(file)", "cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigFileException(
                    file,
                    "(file)",
                    "expected a JSON object, {\"name\": …, \"config\": {…}} or a flat map of strings",
                    null);
        }
        JsonNode configNode = root.get("config");
        boolean envelope = configNode != null && configNode.isObject();
        Map<String, String> config = new TreeMap<>(flatten(file, envelope ? configNode : root, "JSON"));
        if (envelope && root.hasNonNull("name")) {
            String outer = root.get("name").asText();
            String inner = config.putIfAbsent("name", outer);
            if (inner != null && !inner.equals(outer)) {
                throw new ConfigFileException(
                        file,
                        "name",
                        "\"" + outer + "\" outside config differs from \"" + inner
                                + "\" inside it; the worker would reject it",
                        null);
            }
        }
        return config;
    }

    /** A mapping's scalar values as text; a nested list or mapping is an error naming its key. */
    static Map<String, String> flatten(String file, JsonNode object, String format) {
        Map<String, String> config = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isContainerNode()) {
                throw new ConfigFileException(
                        file,
                        field.getKey(),
                        "expected a string, number or boolean, got a " + format + " "
                                + (value.isArray() ? "array" : "object"),
                        null);
            }
            config.put(field.getKey(), value.isNull() ? null : value.asText());
        }
        return config;
    }
}
