package com.taosdata.kafka.connect.source.config;

import com.taosdata.kafka.connect.config.ConnectionConfigs;
import com.taosdata.kafka.connect.connection.TDengineUrl;
import com.taosdata.kafka.connect.connection.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * Rules between keys that single-key validators cannot check. Used by validation (each problem attached to its
 * key) and by the connector's start (the first problem thrown).
 */
public final class SourceConfigRules {

    /** A rule broken by a key's value. */
    public record Problem(String key, String message) {}

    private SourceConfigRules() {}

    public static List<Problem> check(Map<String, String> props) {
        TDengineSourceConfig config = new TDengineSourceConfig(props);
        List<Problem> problems = new ArrayList<>();
        if (config.readMethod() == ReadMethod.SUBSCRIPTION) {
            if (config.groupId() == null) {
                problems.add(new Problem(
                        TDengineSourceConfig.SUBSCRIPTION_GROUP_ID_CONFIG,
                        "is required when read.method=subscription"));
            }
            TDengineUrl url = ConnectionConfigs.url(config);
            if (url.transport() == Transport.REST) {
                problems.add(
                        new Problem(
                                ConnectionConfigs.CONNECTION_URL_CONFIG,
                                "read.method=subscription needs "
                                        + "jdbc:TAOS-WS:// or jdbc:TAOS://: TDengine offers no subscription over REST; use read.method=query"));
            }
            if (config.timestampDelayIntervalMs() > 0) {
                problems.add(new Problem(
                        TDengineSourceConfig.TIMESTAMP_DELAY_INTERVAL_MS_CONFIG,
                        "applies to "
                                + "read.method=query only: a subscription delivers every row TDengine writes, however late its "
                                + "timestamp; remove the key or set it to 0"));
            }
        }
        String prefix =
                config.getString(TDengineSourceConfig.TOPIC_PREFIX_CONFIG).trim();
        if (!TopicNaming.isLegal(prefix)) {
            problems.add(new Problem(
                    TDengineSourceConfig.TOPIC_PREFIX_CONFIG,
                    "may only contain letters, digits, '.', '_' and '-', as Kafka topic names"));
        }
        if (!TopicNaming.isLegal(config.getString(TDengineSourceConfig.TOPIC_DELIMITER_CONFIG))) {
            problems.add(new Problem(
                    TDengineSourceConfig.TOPIC_DELIMITER_CONFIG,
                    "may only contain letters, digits, '.', '_' and '-', as Kafka topic names"));
        }
        return problems;
    }

    /** Throws the first problem, for the connector's start. */
    public static void enforce(Map<String, String> props) {
        for (Problem problem : check(props)) {
            throw new ConfigException(problem.key(), props.get(problem.key()), problem.message());
        }
    }
}
