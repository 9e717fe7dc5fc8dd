package com.taosdata.kafka.connect.source.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

/** One test per validation rule; each starts from a valid config and breaks exactly one rule. */
class SourceConfigValidatorTest {

    private static Map<String, String> valid() {
        Map<String, String> props = new HashMap<>();
        props.put("connection.url", "jdbc:TAOS-WS://localhost:6041");
        props.put("connection.database", "power");
        props.put("read.method", "subscription");
        props.put("subscription.group.id", "g1");
        return props;
    }

    private static List<String> errors(Map<String, String> props, String key) {
        Config config = SourceConfigValidator.validate(props, false);
        return config.configValues().stream()
                .filter(v -> v.name().equals(key))
                .findFirst()
                .map(ConfigValue::errorMessages)
                .orElseThrow();
    }

    private static long errorCount(Map<String, String> props) {
        return SourceConfigValidator.validate(props, false).configValues().stream()
                .mapToLong(v -> v.errorMessages().size())
                .sum();
    }

    @Test
    void validConfigHasNoErrors() {
        assertThat(errorCount(valid())).isZero();
    }

    @Test
    void databaseIsRequired() {
        Map<String, String> props = valid();
        props.remove("connection.database");
        assertThat(errors(props, "connection.database")).isNotEmpty();
    }

    @Test
    void databaseMustBeAValidName() {
        Map<String, String> props = valid();
        props.put("connection.database", "9lives");
        assertThat(errors(props, "connection.database"))
                .singleElement()
                .asString()
                .contains("must not start with a digit");
    }

    @Test
    void subscriptionNeedsAGroupId() {
        Map<String, String> props = valid();
        props.remove("subscription.group.id");
        assertThat(errors(props, "subscription.group.id")).containsExactly("is required when read.method=subscription");
    }

    @Test
    void queryModeNeedsNoGroupId() {
        Map<String, String> props = valid();
        props.remove("subscription.group.id");
        props.put("read.method", "query");
        assertThat(errorCount(props)).isZero();
    }

    @Test
    void subscriptionIsNotAvailableOverRest() {
        Map<String, String> props = valid();
        props.put("connection.url", "jdbc:TAOS-RS://localhost:6041");
        assertThat(errors(props, "connection.url")).singleElement().asString().contains("TAOS-WS");
    }

    @Test
    void aTokenSubscribesOverWebSocketWithTls() {
        Map<String, String> props = valid();
        props.put("connection.url", "jdbc:TAOS-WS://gw.cloud:443?useSSL=true");
        props.put("connection.token", "t0ken");
        assertThat(errorCount(props)).isZero();
    }

    @Test
    void aTokenIsNotForTheNativeClient() {
        Map<String, String> props = valid();
        props.put("connection.url", "jdbc:TAOS://localhost:6030");
        props.put("connection.token", "t0ken");
        assertThat(errors(props, "connection.token"))
                .singleElement()
                .asString()
                .contains("native client has no token login")
                .doesNotContain("t0ken");
    }

    @Test
    void queryModeWorksOverRest() {
        Map<String, String> props = valid();
        props.put("connection.url", "jdbc:TAOS-RS://localhost:6041");
        props.put("read.method", "query");
        assertThat(errorCount(props)).isZero();
    }

    @Test
    void topicPrefixMustBeLegalInTopicNames() {
        Map<String, String> props = valid();
        props.put("topic.prefix", "my prefix");
        assertThat(errors(props, "topic.prefix")).isNotEmpty();
    }

    @Test
    void topicDelimiterMustBeLegalInTopicNames() {
        Map<String, String> props = valid();
        props.put("topic.delimiter", "/");
        assertThat(errors(props, "topic.delimiter")).isNotEmpty();
    }

    @Test
    void readMethodIsQueryOrSubscription() {
        Map<String, String> props = valid();
        props.put("read.method", "stream");
        assertThat(errors(props, "read.method")).isNotEmpty();
    }

    @Test
    void outFormatIsLineJsonOrStruct() {
        Map<String, String> props = valid();
        props.put("out.format", "avro");
        assertThat(errors(props, "out.format")).isNotEmpty();
        props.put("out.format", "struct");
        assertThat(errorCount(props)).isZero();
    }

    @Test
    void dataPrecisionIsMsUsOrNs() {
        Map<String, String> props = valid();
        props.put("data.precision", "s");
        assertThat(errors(props, "data.precision")).isNotEmpty();
    }

    @Test
    void subscriptionFromIsEarliestOrLatest() {
        Map<String, String> props = valid();
        props.put("subscription.from", "beginning");
        assertThat(errors(props, "subscription.from")).isNotEmpty();
    }

    @Test
    void timestampInitialHasTheDocumentedFormat() {
        Map<String, String> props = valid();
        props.put("timestamp.initial", "2024/01/01");
        assertThat(errors(props, "timestamp.initial")).isNotEmpty();
        props.put("timestamp.initial", "2024-01-01 00:00:00");
        assertThat(errorCount(props)).isZero();
    }

    @Test
    void fetchMaxRowsIsPositive() {
        Map<String, String> props = valid();
        props.put("fetch.max.rows", "0");
        assertThat(errors(props, "fetch.max.rows")).isNotEmpty();
    }

    @Test
    void queryIntervalIsNotNegative() {
        Map<String, String> props = valid();
        props.put("query.interval.ms", "-1");
        assertThat(errors(props, "query.interval.ms")).isNotEmpty();
    }

    @Test
    void pollIntervalIsPositive() {
        Map<String, String> props = valid();
        props.put("poll.interval.ms", "0");
        assertThat(errors(props, "poll.interval.ms")).isNotEmpty();
    }

    @Test
    void timestampDelayIsNotNegativeNorLongerThanAYear() {
        Map<String, String> props = valid();
        props.put("read.method", "query");
        props.put("timestamp.delay.interval.ms", "-1");
        assertThat(errors(props, "timestamp.delay.interval.ms")).isNotEmpty();
        props.put("timestamp.delay.interval.ms", Long.toString(366L * 24 * 60 * 60 * 1000));
        assertThat(errors(props, "timestamp.delay.interval.ms")).isNotEmpty();
    }

    @Test
    void timestampDelayAppliesToQueryMode() {
        Map<String, String> props = valid();
        props.put("read.method", "query");
        props.put("timestamp.delay.interval.ms", "30000");
        assertThat(errorCount(props)).isZero();
    }

    @Test
    void timestampDelayIsAnErrorInSubscriptionMode() {
        Map<String, String> props = valid();
        props.put("timestamp.delay.interval.ms", "30000");
        assertThat(errors(props, "timestamp.delay.interval.ms"))
                .singleElement()
                .asString()
                .startsWith("applies to read.method=query only");
        props.put("timestamp.delay.interval.ms", "0");
        assertThat(errorCount(props))
                .as("0, the default, is no delay in either mode")
                .isZero();
    }
}
