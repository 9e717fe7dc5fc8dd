package com.taosdata.kafka.connect.cli.validate;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Config provider placeholders such as {@code ${file:/etc/secrets.properties:password}}: the worker resolves them,
 * offline we cannot, so they are left as they are and noted.
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}:]+:[^}]*}");

    private Placeholders() {}

    static Set<String> keysWithPlaceholders(Map<String, String> config, Report report) {
        Set<String> keys = new TreeSet<>();
        config.forEach((key, value) -> {
            if (value != null && PLACEHOLDER.matcher(value).find()) {
                keys.add(key);
                report.warning(
                        key, "config provider reference: the worker resolves it, so its value is not checked offline");
            }
        });
        return keys;
    }
}
