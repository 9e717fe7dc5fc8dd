package com.taosdata.kafka.connect.naming;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.connect.errors.DataException;

/**
 * Which database a topic's records go to: {@code connection.database} when set, taken as it is; else the name made
 * from {@code connection.database.prefix} with {@code ${topic}} replaced (or the topic appended when the pattern has
 * no placeholder), or from the topic alone, with the characters TDengine does not allow replaced by underscores
 * ({@link Identifiers#replaceNotAllowed}) and folded to lower case. Two topics whose names map to one database are
 * refused: their tables would mix without anyone having asked for it.
 */
public final class DatabaseNameResolver {

    public static final String TOPIC_PLACEHOLDER = "${topic}";

    static final String SUGGESTED_PREFIX = "kafka_" + TOPIC_PLACEHOLDER;
    static final String SUGGESTED_DATABASE = "kafka";

    private final String database;
    private final String pattern;
    private final Map<String, String> byTopic = new ConcurrentHashMap<>();
    private final Map<String, String> topicByDatabase = new ConcurrentHashMap<>();

    public DatabaseNameResolver(String database, String pattern) {
        this.database = database;
        this.pattern = pattern;
    }

    /** The name as configured for {@code topic}, before characters are replaced; for messages. */
    public String rawName(String topic) {
        if (database != null) {
            return database;
        }
        return withPattern(pattern, topic);
    }

    /** The name TDengine is asked for: {@link #rawName} with characters TDengine does not allow replaced. */
    public String mappedName(String topic) {
        return database != null ? database : Identifiers.replaceNotAllowed(rawName(topic));
    }

    /**
     * Why {@code topic} maps to no valid database, with a setting that would make it valid, or {@code null} when
     * it maps to one.
     */
    public String problem(String topic) {
        String problem = Identifiers.databaseNameProblem(mappedName(topic));
        if (problem == null) {
            return null;
        }
        if (database != null) {
            return problem;
        }
        String mapped = rawName(topic).equals(mappedName(topic)) ? "" : " (mapped from '" + rawName(topic) + "')";
        return problem + mapped + "; " + suggestion(topic);
    }

    /** A setting that is valid for {@code topic}: the prefix {@code kafka_${topic}} when it fits, else one database. */
    private static String suggestion(String topic) {
        String prefixed = Identifiers.replaceNotAllowed(withPattern(SUGGESTED_PREFIX, topic));
        if (Identifiers.databaseNameProblem(prefixed) == null) {
            return "set connection.database.prefix=" + SUGGESTED_PREFIX + " (database "
                    + Identifiers.canonicalDatabase(prefixed) + ") or connection.database=" + SUGGESTED_DATABASE
                    + " (one database for every topic)";
        }
        return "set connection.database=" + SUGGESTED_DATABASE + " (one database for every topic)";
    }

    /**
     * The canonical database name for {@code topic}.
     *
     * @throws DataException when the topic maps to no valid name, or to the database of another topic; the record
     *     at hand is then a bad record
     */
    public String resolve(String topic) {
        String known = byTopic.get(topic);
        if (known != null) {
            return known;
        }
        String problem = problem(topic);
        if (problem != null) {
            throw new DataException("cannot write topic '" + topic + "': " + problem);
        }
        String canonical = Identifiers.canonicalDatabase(mappedName(topic));
        if (database == null) {
            String other = topicByDatabase.putIfAbsent(canonical, topic);
            if (other != null && !other.equals(topic)) {
                throw new DataException(collision(topic, other, canonical));
            }
        }
        byTopic.put(topic, canonical);
        return canonical;
    }

    /** The message for two topics mapping to one database. */
    public static String collision(String topic, String other, String database) {
        return "topics '" + other + "' and '" + topic + "' both map to database " + database + "; rename one of"
                + " them, or set connection.database=" + database + " to write both into it on purpose";
    }

    private static String withPattern(String pattern, String topic) {
        if (pattern == null) {
            return topic;
        }
        return pattern.contains(TOPIC_PLACEHOLDER) ? pattern.replace(TOPIC_PLACEHOLDER, topic) : pattern + topic;
    }
}
