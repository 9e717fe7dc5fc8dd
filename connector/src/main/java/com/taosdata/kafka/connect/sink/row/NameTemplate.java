package com.taosdata.kafka.connect.sink.row;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A name with {@code ${…}} placeholders, parsed once: {@code d${groupid}}, {@code ${topic}_${location}}. A
 * placeholder is filled by a lookup of its name.
 */
public final class NameTemplate {

    private final String text;
    /** Literal text at even positions, placeholder names at odd ones. */
    private final List<String> parts;

    private NameTemplate(String text, List<String> parts) {
        this.text = text;
        this.parts = parts;
    }

    /** @throws IllegalArgumentException for an unclosed or empty placeholder */
    public static NameTemplate parse(String text) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = text.indexOf("${", from);
            if (open < 0) {
                parts.add(text.substring(from));
                return new NameTemplate(text, List.copyOf(parts));
            }
            int close = text.indexOf('}', open + 2);
            if (close < 0) {
                throw new IllegalArgumentException("'" + text + "' has a placeholder without its closing }");
            }
            String name = text.substring(open + 2, close).trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("'" + text + "' has an empty placeholder ${}");
            }
            parts.add(text.substring(from, open));
            parts.add(name);
            from = close + 1;
        }
    }

    /** The placeholder names, in order. */
    public List<String> placeholders() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i < parts.size(); i += 2) {
            names.add(parts.get(i));
        }
        return names;
    }

    public boolean hasPlaceholders() {
        return parts.size() > 1;
    }

    /** The name with every placeholder replaced by {@code values.apply(name)}. */
    public String fill(Function<String, String> values) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        StringBuilder name = new StringBuilder(text.length() + 16);
        for (int i = 0; i < parts.size(); i++) {
            name.append(i % 2 == 0 ? parts.get(i) : values.apply(parts.get(i)));
        }
        return name.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
