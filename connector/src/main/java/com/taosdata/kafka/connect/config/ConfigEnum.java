package com.taosdata.kafka.connect.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Validators, recommenders and parsing for configuration keys whose values come from an enum,
 * so the allowed values are written once: in the enum.
 */
public final class ConfigEnum {

    /** An enum constant with the spelling users write in a config file. */
    public interface Named {
        String configValue();
    }

    private ConfigEnum() {
    }

    public static <E extends Enum<E> & Named> List<String> values(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Named::configValue).collect(Collectors.toList());
    }

    public static <E extends Enum<E> & Named> E parse(Class<E> type, String key, String value) {
        if (value != null) {
            String wanted = value.trim().toLowerCase(Locale.ROOT);
            for (E constant : type.getEnumConstants()) {
                if (constant.configValue().equals(wanted)) {
                    return constant;
                }
            }
        }
        throw new ConfigException(key, value, "must be one of " + values(type));
    }

    public static <E extends Enum<E> & Named> ConfigDef.Validator validator(Class<E> type) {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (value != null) {
                    parse(type, name, value.toString());
                }
            }

            @Override
            public String toString() {
                return String.join(", ", values(type));
            }
        };
    }

    public static <E extends Enum<E> & Named> ConfigDef.Recommender recommender(Class<E> type) {
        return new ConfigDef.Recommender() {
            @Override
            public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
                return List.copyOf(values(type));
            }

            @Override
            public boolean visible(String name, Map<String, Object> parsedConfig) {
                return true;
            }
        };
    }
}
