package com.taosdata.kafka.connect.cli.validate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;

/** Prefix handling shared by the SMT, predicate and converter rules. */
final class SubConfig {

    private SubConfig() {}

    /** The keys under {@code prefix}, with the prefix stripped and {@code reserved} keys left out. */
    static Map<String, String> under(Map<String, String> config, String prefix, List<String> reserved) {
        Map<String, String> sub = new TreeMap<>();
        config.forEach((key, value) -> {
            if (key.startsWith(prefix) && !reserved.contains(key.substring(prefix.length()))) {
                sub.put(key.substring(prefix.length()), value);
            }
        });
        return sub;
    }

    /** Runs a plugin's ConfigDef over its sub-config and reports errors under the full key. Returns true when clean. */
    static boolean validate(ConfigDef def, Map<String, String> sub, String prefix, Report report) {
        if (def == null) {
            return true;
        }
        boolean clean = true;
        for (ConfigValue value : def.validate(sub)) {
            for (String message : messages(value)) {
                report.error(prefix + value.name(), message);
                clean = false;
            }
        }
        return clean;
    }

    /**
     * A value's error messages, minus the "Invalid value null" that ConfigDef adds after a value that is missing or
     * does not parse (its validator then sees null): the first message is the one that explains.
     */
    static List<String> messages(ConfigValue value) {
        List<String> messages = value.errorMessages();
        if (messages.size() < 2) {
            return messages;
        }
        return messages.stream()
                .filter(m -> !m.startsWith("Invalid value null for configuration"))
                .toList();
    }

    /** The message of an exception thrown by a plugin's configure(), with the cause when it adds something. */
    static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += ": " + cause.getMessage();
        }
        return message;
    }
}
