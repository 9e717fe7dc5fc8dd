package com.taosdata.kafka.connect.naming;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ${topic} is the only placeholder of a name made after the topic. */
class TopicTemplateTest {

    @ParameterizedTest
    @ValueSource(strings = {"kafka_", "kafka_${topic}", "${topic}", "${topic}_${topic}", "a$b", "a{b}"})
    void namesWithoutOrWithOnlyTheTopicPlaceholderAreValid(String value) {
        assertThatCode(() -> TopicTemplate.VALIDATOR.ensureValid("k", value)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "kafka_${topc}|${topc}",
                "kafka_${ topic }|${ topic }",
                "${topic}_${TOPIC}|${TOPIC}",
                "${env:PREFIX}_${topic}|${env:PREFIX}",
                "${}|${}"
            })
    void anyOtherPlaceholderIsAnErrorNamingTheKeyAndThePlaceholder(String value, String placeholder) {
        assertThatThrownBy(() -> TopicTemplate.VALIDATOR.ensureValid("connection.database.prefix", value))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("has the placeholder " + placeholder + ";")
                .hasMessageContaining("connection.database.prefix knows only ${topic}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kafka_${topic", "${"})
    void anUnclosedPlaceholderIsAnError(String value) {
        assertThatThrownBy(() -> TopicTemplate.VALIDATOR.ensureValid("k", value))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("without its closing }");
    }
}
