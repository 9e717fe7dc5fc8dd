package com.taosdata.kafka.connect.cli.validate;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

/**
 * What the worker itself checks before any connector code runs (ConnectorConfig and SinkConnectorConfig in
 * connect-runtime), re-stated here because the CLI does not bundle the runtime.
 */
final class WorkerRules {

    static final String TOPICS = "topics";
    static final String TOPICS_REGEX = "topics.regex";
    static final String DLQ_TOPIC = "errors.deadletterqueue.topic.name";
    static final String DLQ_PREFIX = "errors.deadletterqueue.";

    /** Which worker rules apply: sink and source differ; with an unknown connector only the common ones do. */
    enum Kind {
        SINK,
        SOURCE,
        UNKNOWN
    }

    private WorkerRules() {}

    static void check(Map<String, String> config, Kind kind, Report report) {
        checkName(config.get("name"), report);
        ConfigDef def = definition(kind);
        for (ConfigValue value : def.validate(config)) {
            SubConfig.messages(value).forEach(message -> report.error(value.name(), message));
        }
        if (kind == Kind.SINK) {
            checkTopics(config, report);
        } else if (kind == Kind.SOURCE) {
            config.keySet().stream()
                    .filter(key -> key.startsWith(DLQ_PREFIX))
                    .forEach(key ->
                            report.warning(key, "applies to sink connectors only; a source connector ignores it"));
        }
    }

    private static void checkName(String name, Report report) {
        if (name == null || name.isBlank()) {
            report.error("name", "missing: every connector needs a name");
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            report.error("name", "contains control characters, which the worker rejects");
        } else if (name.contains("/")) {
            report.warning("name", "contains '/': the REST API cannot address such a connector by name");
        }
    }

    /** The keys the worker itself reads for a connector of this kind. */
    static Set<String> keys(Kind kind) {
        Set<String> keys = new HashSet<>(definition(kind).names());
        keys.addAll(Set.of("name", "connector.class", "key.converter", "value.converter", "header.converter"));
        return keys;
    }

    private static ConfigDef definition(Kind kind) {
        ConfigDef def = common();
        if (kind == Kind.SINK) {
            sinkOnly(def);
        } else if (kind == Kind.SOURCE) {
            sourceOnly(def);
        }
        return def;
    }

    private static ConfigDef common() {
        return new ConfigDef()
                .define(
                        "tasks.max",
                        Type.INT,
                        1,
                        ConfigDef.Range.atLeast(1),
                        Importance.HIGH,
                        "maximum number of tasks")
                .define("tasks.max.enforce", Type.BOOLEAN, true, Importance.LOW, "enforce tasks.max")
                .define("transforms", Type.LIST, "", Importance.LOW, "transformation aliases")
                .define("predicates", Type.LIST, "", Importance.LOW, "predicate aliases")
                .define(
                        "config.action.reload",
                        Type.STRING,
                        "restart",
                        ConfigDef.CaseInsensitiveValidString.in("none", "restart"),
                        Importance.LOW,
                        "reload action")
                .define(
                        "errors.retry.timeout",
                        Type.LONG,
                        0L,
                        ConfigDef.Range.atLeast(-1),
                        Importance.MEDIUM,
                        "retry ms")
                .define(
                        "errors.retry.delay.max.ms",
                        Type.LONG,
                        60000L,
                        ConfigDef.Range.atLeast(0),
                        Importance.MEDIUM,
                        "max retry delay")
                .define(
                        "errors.tolerance",
                        Type.STRING,
                        "none",
                        ConfigDef.CaseInsensitiveValidString.in("none", "all"),
                        Importance.MEDIUM,
                        "tolerance")
                .define("errors.log.enable", Type.BOOLEAN, false, Importance.MEDIUM, "log errors")
                .define("errors.log.include.messages", Type.BOOLEAN, false, Importance.MEDIUM, "log messages");
    }

    private static void sinkOnly(ConfigDef def) {
        def.define(TOPICS, Type.LIST, "", Importance.HIGH, "topics")
                .define(TOPICS_REGEX, Type.STRING, "", WorkerRules::validRegex, Importance.HIGH, "topics regex")
                .define(DLQ_TOPIC, Type.STRING, "", Importance.MEDIUM, "dead letter queue topic")
                .define(
                        DLQ_PREFIX + "topic.replication.factor",
                        Type.SHORT,
                        (short) 3,
                        WorkerRules::replicationFactor,
                        Importance.MEDIUM,
                        "dead letter queue replication factor")
                .define(
                        DLQ_PREFIX + "context.headers.enable",
                        Type.BOOLEAN,
                        false,
                        Importance.MEDIUM,
                        "context headers");
    }

    private static void sourceOnly(ConfigDef def) {
        def.define(
                        "exactly.once.support",
                        Type.STRING,
                        "requested",
                        ConfigDef.CaseInsensitiveValidString.in("requested", "required"),
                        Importance.MEDIUM,
                        "EOS")
                .define(
                        "transaction.boundary",
                        Type.STRING,
                        "poll",
                        ConfigDef.CaseInsensitiveValidString.in("poll", "interval", "connector"),
                        Importance.MEDIUM,
                        "transaction boundary")
                .define("transaction.boundary.interval.ms", Type.LONG, null, Importance.LOW, "transaction interval")
                .define("topic.creation.groups", Type.LIST, "", Importance.LOW, "topic creation groups");
    }

    private static void checkTopics(Map<String, String> config, Report report) {
        List<String> topics = ConfigDef.parseType(TOPICS, config.getOrDefault(TOPICS, ""), Type.LIST)
                        instanceof List<?> l
                ? l.stream().map(String::valueOf).filter(s -> !s.isBlank()).toList()
                : List.of();
        String regex = config.getOrDefault(TOPICS_REGEX, "");
        boolean hasRegex = regex != null && !regex.isBlank();
        // Same keys and wording as SinkConnectorConfig.validate, so online and offline answers can be compared.
        if (!topics.isEmpty() && hasRegex) {
            bothKeys(report, "topics and topics.regex are mutually exclusive options, but both are set.");
        } else if (topics.isEmpty() && !hasRegex) {
            bothKeys(report, "Must configure one of topics or topics.regex");
        }
        String dlq = config.getOrDefault(DLQ_TOPIC, "");
        if (dlq == null || dlq.isBlank()) {
            return;
        }
        if (topics.contains(dlq)) {
            report.error(
                    TOPICS,
                    String.format(
                            "The DLQ topic '%s' may not be included in the list of topics ('%s=%s') "
                                    + "consumed by the connector",
                            dlq, TOPICS, config.get(TOPICS)));
        } else if (hasRegex && matches(regex, dlq)) {
            report.error(
                    TOPICS_REGEX,
                    String.format(
                            "The DLQ topic '%s' may not be matched by the regex for the topics "
                                    + "('%s=%s') consumed by the connector",
                            dlq, TOPICS_REGEX, regex));
        }
        if (!"all".equalsIgnoreCase(config.getOrDefault("errors.tolerance", "none"))) {
            report.warning(
                    DLQ_TOPIC,
                    "has no effect unless errors.tolerance=all: with none the task fails on the first bad record");
        }
    }

    private static void bothKeys(Report report, String message) {
        report.error(TOPICS, message);
        report.error(TOPICS_REGEX, message);
    }

    private static boolean matches(String regex, String topic) {
        try {
            return Pattern.compile(regex).matcher(topic).matches();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static void validRegex(String name, Object value) {
        String regex = (String) value;
        if (regex == null || regex.isEmpty()) {
            return;
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(name, value, "not a valid regular expression: " + e.getDescription());
        }
    }

    private static void replicationFactor(String name, Object value) {
        short factor = (Short) value;
        if (factor != -1 && factor < 1) {
            throw new ConfigException(name, value, "must be at least 1, or -1 for the broker's default");
        }
    }
}
