package com.taosdata.kafka.connect.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Renders the configuration reference of every plugin class in the archive from its {@link ConfigDef}, so the
 * docs cannot drift from the code. Used by the build (the plugin's doc/) and by the check of docs/configuration.md.
 */
public final class ConfigReference {

    /** The plugin classes documented, in the order of docs/configuration.md. */
    static final List<String> PLUGINS = List.of(
            "com.taosdata.kafka.connect.sink.TDengineSinkConnector",
            "com.taosdata.kafka.connect.source.TDengineSourceConnector",
            "com.taosdata.kafka.connect.transforms.ToLineProtocol$Value",
            "com.taosdata.kafka.connect.transforms.ToTelnet$Value",
            "com.taosdata.kafka.connect.transforms.ToOpenTsdbJson$Value");

    private ConfigReference() {}

    /** Writes {@code config-reference.md} into the directory given as the only argument. */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        Files.writeString(dir.resolve("config-reference.md"), "# tdconnect configuration reference\n\n" + render());
    }

    public static String render() {
        StringBuilder out = new StringBuilder();
        for (String plugin : PLUGINS) {
            ConfigDef def = configOf(plugin);
            if (def == null || def.configKeys().isEmpty()) {
                continue;
            }
            out.append("### `").append(plugin).append("`\n\n");
            for (Map.Entry<String, List<ConfigDef.ConfigKey>> group :
                    byGroup(def).entrySet()) {
                out.append("**").append(group.getKey()).append("**\n\n");
                out.append("| Key | Type | Default | Valid values | Description |\n");
                out.append("|---|---|---|---|---|\n");
                for (ConfigDef.ConfigKey key : group.getValue()) {
                    out.append("| `")
                            .append(key.name)
                            .append("` | ")
                            .append(key.type.name().toLowerCase())
                            .append(" | ")
                            .append(defaultOf(key))
                            .append(" | ")
                            .append(key.validator == null ? "" : cell(key.validator.toString()))
                            .append(" | ")
                            .append(cell(key.documentation))
                            .append(" |\n");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static ConfigDef configOf(String className) {
        Object plugin;
        try {
            plugin = Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate " + className + " to document its configuration", e);
        }
        if (plugin instanceof Connector) {
            return ((Connector) plugin).config();
        }
        if (plugin instanceof Transformation) {
            return ((Transformation<?>) plugin).config();
        }
        throw new IllegalStateException(className + " is neither a connector nor a transformation");
    }

    private static Map<String, List<ConfigDef.ConfigKey>> byGroup(ConfigDef def) {
        Map<String, List<ConfigDef.ConfigKey>> groups = new LinkedHashMap<>();
        List<ConfigDef.ConfigKey> keys = new ArrayList<>(def.configKeys().values());
        keys.sort((a, b) -> Integer.compare(a.orderInGroup, b.orderInGroup));
        for (String group : def.groups()) {
            groups.put(group, new ArrayList<>());
        }
        for (ConfigDef.ConfigKey key : keys) {
            groups.computeIfAbsent(key.group == null ? "General" : key.group, g -> new ArrayList<>())
                    .add(key);
        }
        groups.values().removeIf(List::isEmpty);
        return groups;
    }

    private static String defaultOf(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "(required)";
        }
        if (key.defaultValue == null) {
            return "null";
        }
        if (key.type == ConfigDef.Type.PASSWORD) {
            return "`[hidden]`";
        }
        String text = key.defaultValue instanceof List
                ? String.join(
                        ",",
                        ((List<?>) key.defaultValue)
                                .stream().map(String::valueOf).toList())
                : String.valueOf(key.defaultValue);
        return text.isEmpty() ? "\"\"" : "`" + text + "`";
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
