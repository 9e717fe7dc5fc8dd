package com.taosdata.kafka.connect.schemas.config;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Validators, recommenders and parsing for configuration keys whose values come from an enum, so the allowed
 * values are written once: in the enum. The connectors and the SMTs share it.
 */
public final class ConfigEnum {

    /** An enum constant with the spelling users write in a config file. */
    public interface Named {
        String configValue();
    }

    /**
     * The values a key allows, in declaration order: its validator (which lets {@code null} through, for keys
     * whose absence means something) and its recommender, so tooling lists what the validator accepts.
     */
    public static final class Values<E extends Enum<E> & Named> implements ConfigDef.Validator, ConfigDef.Recommender {

        private final List<E> constants;
        private final List<String> names;

        private Values(Collection<E> constants) {
            this.constants = List.copyOf(constants);
            this.names = this.constants.stream().map(Named::configValue).collect(Collectors.toUnmodifiableList());
        }

        /**
         * The constant {@code value} names, ignoring case and surrounding blanks.
         *
         * @throws ConfigException naming {@code key} and the allowed values, for {@code null} or an unknown value
         */
        public E parse(String key, String value) {
            if (value != null) {
                String wanted = value.trim().toLowerCase(Locale.ROOT);
                for (E constant : constants) {
                    if (constant.configValue().equals(wanted)) {
                        return constant;
                    }
                }
            }
            throw new ConfigException(key, value, "must be one of " + names);
        }

        public List<String> names() {
            return names;
        }

        @Override
        public void ensureValid(String name, Object value) {
            if (value != null) {
                parse(name, value.toString());
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

        /** The allowed values as the generated configuration reference lists them. */
        @Override
        public String toString() {
            return String.join(", ", names);
        }
    }

    private ConfigEnum() {}

    /** Every constant of {@code type}. */
    public static <E extends Enum<E> & Named> Values<E> of(Class<E> type) {
        return new Values<>(Arrays.asList(type.getEnumConstants()));
    }

    /** Only the {@code allowed} constants, e.g. the one precision the OpenTSDB protocols carry. */
    public static <E extends Enum<E> & Named> Values<E> of(Collection<E> allowed) {
        return new Values<>(allowed);
    }

    public static <E extends Enum<E> & Named> List<String> values(Class<E> type) {
        return of(type).names();
    }

    /** @see Values#parse */
    public static <E extends Enum<E> & Named> E parse(Class<E> type, String key, String value) {
        return of(type).parse(key, value);
    }

    /** {@link #of(Class)}, typed for the validator parameter of {@link ConfigDef#define}. */
    public static <E extends Enum<E> & Named> ConfigDef.Validator validator(Class<E> type) {
        return of(type);
    }

    /** {@link #of(Class)}, typed for the recommender parameter of {@link ConfigDef#define}. */
    public static <E extends Enum<E> & Named> ConfigDef.Recommender recommender(Class<E> type) {
        return of(type);
    }
}
