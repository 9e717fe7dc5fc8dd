package com.taosdata.kafka.connect.transforms.config;

import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Checks a field path, or each path of a list; {@code null} or a blank single path passes (unset). */
public final class FieldPathValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof List) {
            for (Object element : (List<?>) value) {
                check(name, value, element.toString());
            }
        } else if (!value.toString().isBlank()) {
            check(name, value, value.toString());
        }
    }

    private static void check(String name, Object value, String path) {
        try {
            FieldPath.parse(path);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "field paths, nested names joined by '.'";
    }
}
