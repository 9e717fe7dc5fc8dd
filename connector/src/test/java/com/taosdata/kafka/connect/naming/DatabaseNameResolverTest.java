package com.taosdata.kafka.connect.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.connect.errors.DataException;
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
        assertThat(new DatabaseNameResolver(null, "Kafka_${topic}").resolve("Orders"))
                .isEqualTo("kafka_orders");
        assertThat(new DatabaseNameResolver("Power", null).resolve("meters")).isEqualTo("power");
    }

    @Test
    void rawNameIsTheNameAsConfiguredBeforeMapping() {
        assertThat(new DatabaseNameResolver(null, "Kafka_${topic}").rawName("my-topic"))
                .isEqualTo("Kafka_my-topic");
    }

    @Test
    void dotsAndHyphensOfKafkaTopicNamesBecomeUnderscores() {
        DatabaseNameResolver resolver = new DatabaseNameResolver(null, null);

        assertThat(resolver.resolve("iot.meters")).isEqualTo("iot_meters");
        assertThat(resolver.resolve("site-1.power")).isEqualTo("site_1_power");
        assertThat(new DatabaseNameResolver(null, "kafka-${topic}").resolve("dev.meters"))
                .isEqualTo("kafka_dev_meters");
    }

    @Test
    void everyCharacterTDengineDoesNotAllowBecomesAnUnderscore() {
        assertThat(new DatabaseNameResolver(null, null).resolve("北京+meters")).isEqualTo("___meters");
    }

    @Test
    void anExplicitDatabaseIsNotMapped() {
        assertThatThrownBy(() -> new DatabaseNameResolver("my-db", null).resolve("meters"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("database name 'my-db' may only contain");
    }

    @Test
    void aTopicStartingWithADigitNeedsAPrefixAndTheSuggestedOneIsValid() {
        assertThat(new DatabaseNameResolver(null, "t_${topic}").resolve("2024")).isEqualTo("t_2024");
        assertThatThrownBy(() -> new DatabaseNameResolver(null, null).resolve("2024.sales"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("topic '2024.sales'")
                .hasMessageContaining("(mapped from '2024.sales')")
                .hasMessageContaining("set connection.database.prefix=kafka_${topic} (database kafka_2024_sales)")
                .hasMessageContaining("or connection.database=kafka");
        assertThat(new DatabaseNameResolver(null, "kafka_${topic}").resolve("2024.sales"))
                .isEqualTo("kafka_2024_sales");
    }

    @Test
    void aTopicTooLongForAnyPrefixIsOfferedOneDatabase() {
        String topic = "a".repeat(60);

        assertThatThrownBy(() -> new DatabaseNameResolver(null, "kafka_${topic}").resolve(topic))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("longer than 64 characters")
                .hasMessageContaining("set connection.database=kafka (one database for every topic)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("prefix="));
        assertThat(new DatabaseNameResolver(null, null).resolve(topic)).isEqualTo(topic);
    }

    @Test
    void twoTopicsMappingToOneDatabaseFailTheSecondTopicsRecords() {
        DatabaseNameResolver resolver = new DatabaseNameResolver(null, null);
        assertThat(resolver.resolve("iot.meters")).isEqualTo("iot_meters");

        assertThatThrownBy(() -> resolver.resolve("iot-meters"))
                .isInstanceOf(DataException.class)
                .hasMessage("topics 'iot.meters' and 'iot-meters' both map to database iot_meters; rename one of them,"
                        + " or set connection.database=iot_meters to write both into it on purpose");
        assertThatThrownBy(() -> resolver.resolve("IOT_meters")).isInstanceOf(DataException.class);
        assertThat(resolver.resolve("iot.meters")).isEqualTo("iot_meters");
    }

    @Test
    void oneDatabaseForEveryTopicIsNoCollision() {
        DatabaseNameResolver resolver = new DatabaseNameResolver("power", null);

        assertThat(resolver.resolve("iot.meters")).isEqualTo("power");
        assertThat(resolver.resolve("iot-meters")).isEqualTo("power");
    }
}
