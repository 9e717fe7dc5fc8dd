package com.taosdata.kafka.connect.cli.output;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides which config values must never be printed: keys whose name says so ({@code password}, {@code secret})
 * and keys a ConfigDef or a validate answer declares of type PASSWORD.
 */
public final class Secrets {

    public static final String MASK = "********";

    private final Set<String> passwordKeys;

    public Secrets(Set<String> passwordKeys) {
        this.passwordKeys = Set.copyOf(passwordKeys);
    }

    public boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("secret") || passwordKeys.contains(key);
    }

    public String show(String key, String value) {
        if (value == null) {
            return "null";
        }
        return isSecret(key) ? MASK : value;
    }

    public Map<String, String> mask(Map<String, String> config) {
        Map<String, String> masked = new LinkedHashMap<>();
        config.forEach((key, value) -> masked.put(key, value == null ? null : show(key, value)));
        return masked;
    }
}
