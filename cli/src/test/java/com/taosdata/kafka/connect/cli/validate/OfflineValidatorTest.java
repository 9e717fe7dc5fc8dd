package com.taosdata.kafka.connect.cli.validate;

import static com.taosdata.kafka.connect.cli.validate.FakeConfigs.error;
import static com.taosdata.kafka.connect.cli.validate.FakeConfigs.sink;
import static com.taosdata.kafka.connect.cli.validate.FakeConfigs.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.cli.fake.ExplodingSinkConnector;
import com.taosdata.kafka.connect.cli.fake.FakeSinkConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per worker and connector rule of {@code validate --offline}, against fake connectors. */
class OfflineValidatorTest {

    @Test
    void validConfigHasNoFindings() {
        Report report = sink();
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.valid()).isTrue();
    }

    @Test
    void missingName() {
        assertThat(sink("name", null).errors()).containsExactly(error("name", "missing: every connector needs a name"));
    }

    @Test
    void nameWithControlCharacters() {
        assertThat(sink("name", "a\tb").errors())
                .containsExactly(error("name", "contains control characters, which the worker rejects"));
    }

    @Test
    void missingConnectorClass() {
        assertThat(sink("connector.class", null).errors())
                .containsExactly(error(
                        "connector.class", "missing: every connector needs the class (or alias) of its connector"));
    }

    @Test
    void unknownConnectorClass() {
        assertThat(sink("connector.class", "com.example.MissingConnector").errors())
                .singleElement()
                .satisfies(f -> assertThat(f.key()).isEqualTo("connector.class"))
                .satisfies(f -> assertThat(f.message())
                        .startsWith("unknown connector class com.example.MissingConnector; "
                                + "offline validation knows " + FakeSinkConnector.class.getName()));
    }

    @Test
    void classThatIsNotAConnector() {
        assertThat(sink("connector.class", "java.lang.String").errors())
                .containsExactly(
                        error(
                                "connector.class",
                                "java.lang.String is not a connector (does not extend org.apache.kafka.connect.connector.Connector)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FakeSink", "FakeSinkConnector", "com.taosdata.kafka.connect.cli.fake.FakeSinkConnector"})
    void connectorAliasesTheWorkerAccepts(String alias) {
        assertThat(sink("connector.class", alias).errors()).isEmpty();
    }

    @Test
    void tasksMaxBelowOne() {
        assertThat(sink("tasks.max", "0").errors())
                .containsExactly(
                        error("tasks.max", "Invalid value 0 for configuration tasks.max: Value must be at least 1"));
    }

    @Test
    void tasksMaxNotANumber() {
        assertThat(sink("tasks.max", "many").errors()).extracting(Finding::key).containsExactly("tasks.max");
    }

    @Test
    void sinkWithTopicsAndTopicsRegex() {
        String message = "topics and topics.regex are mutually exclusive options, but both are set.";
        assertThat(sink("topics.regex", "t.*").errors())
                .containsExactly(error("topics", message), error("topics.regex", message));
    }

    @Test
    void sinkWithNeitherTopicsNorTopicsRegex() {
        String message = "Must configure one of topics or topics.regex";
        assertThat(sink("topics", null).errors())
                .containsExactly(error("topics", message), error("topics.regex", message));
    }

    @Test
    void sinkWithOnlyTopicsRegex() {
        assertThat(sink("topics", null, "topics.regex", "meters-.*").errors()).isEmpty();
    }

    @Test
    void invalidTopicsRegex() {
        assertThat(sink("topics", null, "topics.regex", "meters-(").errors())
                .extracting(Finding::key)
                .containsExactly("topics.regex");
    }

    @Test
    void sourceNeedsNoTopicsAndOnlyItsConfigDefRuns() {
        assertThat(source().errors()).isEmpty();
        assertThat(source("query", null).errors())
                .containsExactly(
                        error("query", "Missing required configuration \"query\" which has no default value."));
    }

    @Test
    void connectorsOwnOfflineChecks() {
        assertThat(sink("fake.url", "jdbc://x").errors()).containsExactly(error("fake.url", "must start with fake://"));
        assertThat(sink("fake.batch", "0").errors()).extracting(Finding::key).containsExactly("fake.batch");
    }

    @Test
    void missingRequiredKeyIsReportedOnce() {
        assertThat(sink("fake.url", null).errors())
                .containsExactly(
                        error("fake.url", "Missing required configuration \"fake.url\" which has no default value."));
    }

    @Test
    void connectorThatThrowsIsReportedNotFatal() {
        assertThat(sink("connector.class", ExplodingSinkConnector.class.getName())
                        .errors())
                .containsExactly(error(
                        "connector.class",
                        ExplodingSinkConnector.class.getName() + " failed to validate the config: boom"));
    }

    @Test
    void badErrorsTolerance() {
        assertThat(sink("errors.tolerance", "some").errors())
                .extracting(Finding::key)
                .containsExactly("errors.tolerance");
        assertThat(sink("errors.tolerance", "ALL").errors()).isEmpty();
    }

    @Test
    void badErrorsRetryAndLogValues() {
        assertThat(sink("errors.retry.timeout", "soon", "errors.log.enable", "yes")
                        .errors())
                .extracting(Finding::key)
                .containsExactly("errors.log.enable", "errors.retry.timeout");
    }

    @Test
    void badDeadLetterQueueValues() {
        assertThat(sink(
                                "errors.tolerance",
                                "all",
                                "errors.deadletterqueue.topic.name",
                                "dlq",
                                "errors.deadletterqueue.topic.replication.factor",
                                "0",
                                "errors.deadletterqueue.context.headers.enable",
                                "maybe")
                        .errors())
                .extracting(Finding::key)
                .containsExactly(
                        "errors.deadletterqueue.context.headers.enable",
                        "errors.deadletterqueue.topic.replication.factor");
    }

    @Test
    void deadLetterQueueTopicThatIsAlsoConsumed() {
        assertThat(sink("errors.tolerance", "all", "topics", "a,t", "errors.deadletterqueue.topic.name", "t")
                        .errors())
                .containsExactly(error(
                        "topics",
                        "The DLQ topic 't' may not be included in the list of topics "
                                + "('topics=a,t') consumed by the connector"));
        assertThat(sink(
                                "errors.tolerance",
                                "all",
                                "topics",
                                null,
                                "topics.regex",
                                "t.*",
                                "errors.deadletterqueue.topic.name",
                                "t-dlq")
                        .errors())
                .containsExactly(error(
                        "topics.regex",
                        "The DLQ topic 't-dlq' may not be matched by the regex for "
                                + "the topics ('topics.regex=t.*') consumed by the connector"));
    }

    @Test
    void deadLetterQueueWithoutToleranceIsAWarning() {
        Report report = sink("errors.deadletterqueue.topic.name", "dlq");
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).extracting(Finding::key).containsExactly("errors.deadletterqueue.topic.name");
    }

    @Test
    void deadLetterQueueOnASourceIsAWarning() {
        Report report = source("errors.deadletterqueue.topic.name", "dlq");
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings())
                .containsExactly(error(
                        "errors.deadletterqueue.topic.name",
                        "applies to sink connectors only; a source connector ignores it"));
    }

    @Test
    void badConfigActionReload() {
        assertThat(sink("config.action.reload", "sometimes").errors())
                .extracting(Finding::key)
                .containsExactly("config.action.reload");
    }
}
