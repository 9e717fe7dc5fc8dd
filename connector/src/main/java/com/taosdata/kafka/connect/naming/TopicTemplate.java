package com.taosdata.kafka.connect.naming;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * The rule of every key whose value names something after the record's topic ({@code connection.database.prefix},
 * {@code table.name.format}): {@code ${topic}} is its only placeholder. Anything else in {@code ${…}}, such as the
 * typo {@code ${topc}}, would otherwise stay in the name as text and route records into a database or super table
 * nobody asked for.
 */
public final class TopicTemplate implements ConfigDef.Validator {

    public static final TopicTemplate VALIDATOR = new TopicTemplate();

    private TopicTemplate() {}

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null) {
            return;
        }
        String text = (String) value;
        int from = 0;
        int open;
        while ((open = text.indexOf("${", from)) >= 0) {
            int close = text.indexOf('}', open + 2);
            if (close < 0) {
                throw new ConfigException(name, value, "'" + text + "' has a placeholder without its closing }");
            }
            String placeholder = text.substring(open, close + 1);
            if (!placeholder.equals(DatabaseNameResolver.TOPIC_PLACEHOLDER)) {
                throw new ConfigException(
                        name,
                        value,
                        "'" + text + "' has the placeholder " + placeholder + "; " + name + " knows only "
                                + DatabaseNameResolver.TOPIC_PLACEHOLDER + ", the record's topic");
            }
            from = close + 1;
        }
    }

    @Override
    public String toString() {
        return "a name whose only placeholder is " + DatabaseNameResolver.TOPIC_PLACEHOLDER;
    }
}
