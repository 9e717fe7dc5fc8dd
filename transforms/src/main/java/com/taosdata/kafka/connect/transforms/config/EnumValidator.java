package com.taosdata.kafka.connect.transforms.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Accepts the lower-case names of a set of enum constants, ignoring case; doubles as the recommender so that
 * tooling lists the same values the validator accepts.
 */
public final class EnumValidator implements ConfigDef.Validator, ConfigDef.Recommender {

    private final List<String> names;

    private EnumValidator(List<String> names) {
        this.names = names;
    }

    /** All constants of {@code type}. */
    public static <E extends Enum<E>> EnumValidator of(Class<E> type) {
        return in(List.of(type.getEnumConstants()));
    }

    /** Only the given constants. */
    public static <E extends Enum<E>> EnumValidator in(Collection<E> allowed) {
        List<String> names = new ArrayList<>();
        for (E constant : allowed) {
            names.add(constant.name().toLowerCase(Locale.ROOT));
        }
        return new EnumValidator(List.copyOf(names));
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null || !names.contains(value.toString().trim().toLowerCase(Locale.ROOT))) {
            throw new ConfigException(name, value, "must be one of " + names);
        }
    }

    @Override
    public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
        return List.copyOf(names);
    }

    @Override
    public boolean visible(String name, Map<String, Object> parsedConfig) {
        return true;
    }

    @Override
    public String toString() {
        return String.join(", ", names);
    }
}
