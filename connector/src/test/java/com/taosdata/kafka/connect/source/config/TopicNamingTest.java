package com.taosdata.kafka.connect.source.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicNamingTest {

    @Test
    void perStableNameHasPrefixDatabaseAndStable() {
        assertThat(new TopicNaming("tdengine", "-", true, false, "test").topicFor("meters"))
                .isEqualTo("tdengine-test-meters");
    }

    @Test
    void ignoreDbLeavesTheDatabaseOut() {
        assertThat(new TopicNaming("tdengine", "-", true, true, "test").topicFor("meters"))
                .isEqualTo("tdengine-meters");
    }

    @Test
    void oneTopicPerDatabaseIgnoresIgnoreDb() {
        assertThat(new TopicNaming("tdengine", "_", false, true, "test").topicFor("meters"))
                .isEqualTo("tdengine_test");
    }

    @Test
    void emptyPrefixLeavesNoLeadingDelimiter() {
        assertThat(new TopicNaming("", "-", true, false, "test").topicFor("meters"))
                .isEqualTo("test-meters");
    }

    @Test
    void charactersKafkaRejectsBecomeUnderscores() {
        assertThat(new TopicNaming("p", ".", true, false, "test").topicFor("my table/中"))
                .isEqualTo("p.test.my_table__");
    }
}
