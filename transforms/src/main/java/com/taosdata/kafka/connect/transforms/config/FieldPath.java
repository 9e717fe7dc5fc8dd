package com.taosdata.kafka.connect.transforms.config;

import java.util.Arrays;
import java.util.List;

/**
 * A field path as written in the configuration: names joined by {@code .} for nesting, e.g. {@code loc.city}.
 * Its column name joins the same names with {@code field.separator}.
 */
public final class FieldPath {

    private final String dotted;
    private final List<String> names;

    private FieldPath(String dotted, List<String> names) {
        this.dotted = dotted;
        this.names = names;
    }

    /**
     * Parses a path.
     *
     * @throws IllegalArgumentException when the path is blank or has an empty name
     */
    public static FieldPath parse(String text) {
        String trimmed = text.trim();
        String[] names = trimmed.split("\\.", -1);
        for (String name : names) {
            if (name.isEmpty()) {
                throw new IllegalArgumentException("field path '" + text + "' has an empty name");
            }
        }
        return new FieldPath(trimmed, List.copyOf(Arrays.asList(names)));
    }

    /** A path of the given names, which may themselves contain dots (schemaless keys can). */
    public static FieldPath of(List<String> names) {
        return new FieldPath(String.join(".", names), List.copyOf(names));
    }

    /** The path with {@code .} between names, as configured. */
    public String dotted() {
        return dotted;
    }

    public List<String> names() {
        return names;
    }

    /** The column name: the names joined by {@code separator}. */
    public String columnName(String separator) {
        return String.join(separator, names);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldPath && ((FieldPath) o).dotted.equals(dotted);
    }

    @Override
    public int hashCode() {
        return dotted.hashCode();
    }

    @Override
    public String toString() {
        return dotted;
    }
}
