package com.taosdata.kafka.connect.naming;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * Which database a topic's records go to: {@code connection.database} when set; else
 * {@code connection.database.prefix} with {@code ${topic}} replaced (or the topic appended when the pattern has
 * no placeholder); else the topic's own name.
 */
public final class DatabaseNameResolver {

    public static final String TOPIC_PLACEHOLDER = "${topic}";

    private final String database;
    private final String pattern;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public DatabaseNameResolver(String database, String pattern) {
        this.database = database;
        this.pattern = pattern;
    }

    /** The raw name for {@code topic}, before validation; for config validation messages. */
    public String rawName(String topic) {
        if (database != null) {
            return database;
        }
        if (pattern == null) {
            return topic;
        }
        return pattern.contains(TOPIC_PLACEHOLDER) ? pattern.replace(TOPIC_PLACEHOLDER, topic) : pattern + topic;
    }

    /** The validated, canonical database name for {@code topic}. */
    public String resolve(String topic) {
        return cache.computeIfAbsent(topic, t -> {
            String raw = rawName(t);
            String problem = Identifiers.databaseNameProblem(raw);
            if (problem != null) {
                throw new ConnectException("cannot write topic '" + t + "': " + problem
                        + "; set connection.database, or connection.database.prefix to a pattern such as kafka_${topic}");
            }
            return Identifiers.canonicalDatabase(raw);
        });
    }
}
