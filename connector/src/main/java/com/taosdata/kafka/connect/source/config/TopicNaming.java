package com.taosdata.kafka.connect.source.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Kafka topic names from {@code topic.prefix}, {@code topic.delimiter}, {@code topic.per.stable} and
 * {@code topic.ignore.db}, following TDengine's documented rule. Empty parts are left out rather than leaving a
 * leading delimiter, and characters Kafka does not allow in topic names become {@code _}.
 */
public final class TopicNaming {

    private static final Pattern ILLEGAL = Pattern.compile("[^A-Za-z0-9._-]");

    private final String prefix;
    private final String delimiter;
    private final boolean perStable;
    private final boolean ignoreDatabase;
    private final String database;

    public TopicNaming(String prefix, String delimiter, boolean perStable, boolean ignoreDatabase, String database) {
        this.prefix = prefix == null ? "" : prefix.trim();
        this.delimiter = delimiter == null ? "" : delimiter;
        this.perStable = perStable;
        this.ignoreDatabase = ignoreDatabase;
        this.database = database;
    }

    /** The topic for rows of super table {@code stable}, or of normal table {@code stable}. */
    public String topicFor(String stable) {
        List<String> parts = new ArrayList<>(3);
        if (!prefix.isEmpty()) {
            parts.add(prefix);
        }
        if (!perStable || !ignoreDatabase) {
            parts.add(database);
        }
        if (perStable) {
            parts.add(stable);
        }
        return legal(String.join(delimiter, parts));
    }

    /** Whether {@code text} contains only characters Kafka allows in topic names. */
    public static boolean isLegal(String text) {
        return !ILLEGAL.matcher(text).find();
    }

    private static String legal(String name) {
        return ILLEGAL.matcher(name).replaceAll("_");
    }
}
