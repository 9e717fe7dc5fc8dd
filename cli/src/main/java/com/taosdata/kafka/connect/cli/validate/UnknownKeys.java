package com.taosdata.kafka.connect.cli.validate;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Keys that neither the worker nor the connector reads. The worker silently ignores them, which is how a typo
 * such as {@code conection.url} ends up as a connector running on a default: so they are warnings, with a guess.
 */
final class UnknownKeys {

    /** Families of keys the worker hands to something else (SMTs, converters, clients, topic creation). */
    private static final List<String> PREFIXES = List.of(
            "transforms.",
            "predicates.",
            "key.converter.",
            "value.converter.",
            "header.converter.",
            "consumer.override.",
            "producer.override.",
            "admin.override.",
            "topic.creation.");

    private UnknownKeys() {}

    static void check(Map<String, String> config, Set<String> workerKeys, ConnectorRules.Loaded loaded, Report report) {
        ConfigDef def = ConnectorRules.configDef(loaded);
        if (def == null) {
            return;
        }
        Set<String> known = new HashSet<>(workerKeys);
        known.addAll(def.names());
        String connector = loaded.type().getSimpleName();
        for (String key : config.keySet()) {
            if (known.contains(key) || PREFIXES.stream().anyMatch(key::startsWith) || report.mentions(key)) {
                continue;
            }
            String guess =
                    closest(key, known).map(k -> "; did you mean " + k + "?").orElse("");
            report.warning(key, "unknown key: neither the worker nor " + connector + " reads it" + guess);
        }
    }

    private static Optional<String> closest(String key, Set<String> known) {
        int allowed = Math.max(2, key.length() / 6);
        return known.stream()
                .filter(k -> distance(key, k) <= allowed)
                .min(Comparator.comparingInt((String k) -> distance(key, k)).thenComparing(k -> k));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
