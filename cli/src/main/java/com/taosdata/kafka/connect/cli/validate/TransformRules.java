package com.taosdata.kafka.connect.cli.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * {@code transforms} and {@code predicates}: every alias needs a {@code type}; a type on our class path is
 * instantiated and its own ConfigDef and configure() run; any other type is a warning, since only the worker's
 * plugin path can tell whether it exists.
 */
final class TransformRules {

    private static final List<String> TRANSFORM_RESERVED = List.of("type", "predicate", "negate");
    private static final List<String> PREDICATE_RESERVED = List.of("type");

    private TransformRules() {}

    static void check(Map<String, String> config, Plugins plugins, Report report) {
        List<String> predicates = aliases(config, "predicates", report);
        for (String alias : predicates) {
            checkPlugin(config, plugins, report, "predicates." + alias + ".", Predicate.class, PREDICATE_RESERVED);
        }
        for (String alias : aliases(config, "transforms", report)) {
            String prefix = "transforms." + alias + ".";
            checkPlugin(config, plugins, report, prefix, Transformation.class, TRANSFORM_RESERVED);
            String predicate = config.get(prefix + "predicate");
            if (predicate != null && !predicate.isBlank() && !predicates.contains(predicate.strip())) {
                report.error(
                        prefix + "predicate",
                        "refers to predicate '" + predicate.strip() + "', which is not listed in predicates");
            }
            String negate = config.get(prefix + "negate");
            if (negate != null
                    && !negate.strip().equalsIgnoreCase("true")
                    && !negate.strip().equalsIgnoreCase("false")) {
                report.error(prefix + "negate", "expected true or false, got '" + negate + "'");
            }
        }
    }

    private static List<String> aliases(Map<String, String> config, String key, Report report) {
        String value = config.get(key);
        List<String> aliases = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return aliases;
        }
        Set<String> seen = new HashSet<>();
        for (String raw : value.split(",", -1)) {
            String alias = raw.strip();
            if (alias.isEmpty()) {
                report.error(key, "has an empty alias in '" + value + "'");
            } else if (!seen.add(alias)) {
                report.error(key, "alias '" + alias + "' is listed twice");
            } else {
                aliases.add(alias);
            }
        }
        return aliases;
    }

    @SuppressWarnings("rawtypes")
    private static void checkPlugin(
            Map<String, String> config,
            Plugins plugins,
            Report report,
            String prefix,
            Class<?> kind,
            List<String> reserved) {
        String typeKey = prefix + "type";
        String type = config.get(typeKey);
        String what = kind == Predicate.class ? "predicate" : "transformation";
        if (type == null || type.isBlank()) {
            report.error(
                    typeKey,
                    "missing: each alias in " + prefix.substring(0, prefix.indexOf('.')) + " needs the class of its "
                            + what);
            return;
        }
        type = type.strip();
        if (plugins.existsButIsNot(type, kind)) {
            report.error(typeKey, type + " is not a " + what + " (does not implement " + kind.getName() + ")");
            return;
        }
        Optional<? extends Class<?>> loaded = plugins.load(type, kind);
        if (loaded.isEmpty()) {
            report.warning(
                    typeKey,
                    type + " is not bundled with tdconnect, so it is not checked offline; "
                            + "the worker needs it on its plugin.path");
            return;
        }
        Map<String, String> sub = SubConfig.under(config, prefix, reserved);
        try {
            Object plugin = Plugins.instantiate(loaded.get());
            ConfigDef def = plugin instanceof Transformation t ? t.config() : ((Predicate) plugin).config();
            if (SubConfig.validate(def, sub, prefix, report)) {
                configure(plugin, sub);
            }
        } catch (ReflectiveOperationException e) {
            report.error(typeKey, "cannot instantiate " + type + ": " + SubConfig.describe(e));
        } catch (RuntimeException e) {
            report.error(typeKey, "rejects its config: " + SubConfig.describe(e));
        }
    }

    @SuppressWarnings("rawtypes")
    private static void configure(Object plugin, Map<String, String> sub) {
        if (plugin instanceof Transformation transformation) {
            try {
                transformation.configure(sub);
            } finally {
                transformation.close();
            }
        } else if (plugin instanceof Predicate predicate) {
            try {
                predicate.configure(sub);
            } finally {
                predicate.close();
            }
        }
    }
}
