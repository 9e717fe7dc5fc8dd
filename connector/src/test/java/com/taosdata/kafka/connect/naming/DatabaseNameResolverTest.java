package com.taosdata.kafka.connect.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

class DatabaseNameResolverTest {

    @Test
    void theDatabaseWinsOverPrefixAndTopic() {
        DatabaseNameResolver resolver = new DatabaseNameResolver("power", "kafka_${topic}");

        assertThat(resolver.resolve("meters")).isEqualTo("power");
        assertThat(resolver.resolve("other")).isEqualTo("power");
    }

    @Test
    void theTopicPlaceholderIsReplaced() {
        DatabaseNameResolver resolver = new DatabaseNameResolver(null, "kafka_${topic}_db");

        assertThat(resolver.resolve("orders")).isEqualTo("kafka_orders_db");
    }

    @Test
    void aPrefixWithoutPlaceholderGetsTheTopicAppended() {
        assertThat(new DatabaseNameResolver(null, "kafka_").resolve("orders")).isEqualTo("kafka_orders");
    }

    @Test
    void withoutDatabaseAndPrefixTheTopicNamesTheDatabase() {
        assertThat(new DatabaseNameResolver(null, null).resolve("meters")).isEqualTo("meters");
    }

    @Test
    void resolvedNamesAreCanonicalLowerCase() {
        assertThat(new DatabaseNameResolver(null, "Kafka_${topic}").resolve("Orders")).isEqualTo("kafka_orders");
        assertThat(new DatabaseNameResolver("Power", null).resolve("meters")).isEqualTo("power");
    }

    @Test
    void rawNameIsTheUnvalidatedNameAsConfigured() {
        assertThat(new DatabaseNameResolver(null, "Kafka_${topic}").rawName("my-topic")).isEqualTo("Kafka_my-topic");
    }

    @Test
    void anInvalidNameIsRefusedNamingTheTopicAndTheKeysToSet() {
        DatabaseNameResolver resolver = new DatabaseNameResolver(null, null);

        assertThatThrownBy(() -> resolver.resolve("my-topic"))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("topic 'my-topic'")
                .hasMessageContaining("connection.database")
                .hasMessageContaining("connection.database.prefix")
                .hasMessageContaining("kafka_${topic}");
    }

    @Test
    void aTopicStartingWithADigitNeedsAPrefix() {
        assertThat(new DatabaseNameResolver(null, "t_${topic}").resolve("2024")).isEqualTo("t_2024");
        assertThatThrownBy(() -> new DatabaseNameResolver(null, null).resolve("2024")).isInstanceOf(ConnectException.class);
    }
}
