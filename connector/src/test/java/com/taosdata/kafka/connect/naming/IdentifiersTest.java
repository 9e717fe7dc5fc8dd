package com.taosdata.kafka.connect.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"power", "_p", "Power_2", "a"})
    void validNamesHaveNoProblem(String name) {
        assertThat(Identifiers.databaseNameProblem(name)).isNull();
    }

    @Test
    void sixtyFourCharactersAreAllowedButNotSixtyFive() {
        assertThat(Identifiers.databaseNameProblem("d".repeat(64))).isNull();
        assertThat(Identifiers.databaseNameProblem("d".repeat(65))).contains("longer than 64");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1power", "my-topic", "a.b", "a b", "db`x", "电力"})
    void namesOutsideTheAllowedCharactersAreRefusedAndQuoted(String name) {
        assertThat(Identifiers.databaseNameProblem(name))
                .contains("'" + name + "'")
                .contains("letters, digits and underscores");
    }

    @Test
    void emptyAndNullNamesAreRefused() {
        assertThat(Identifiers.databaseNameProblem("")).contains("empty");
        assertThat(Identifiers.databaseNameProblem(null)).contains("empty");
    }

    @Test
    void canonicalNamesAreLowerCaseAsTDengineFoldsUnquotedNames() {
        assertThat(Identifiers.canonicalDatabase("Power_DB")).isEqualTo("power_db");
    }

    @Test
    void quoteWrapsInBackquotes() {
        assertThat(Identifiers.quote("power")).isEqualTo("`power`");
    }

    @Test
    void quoteRefusesABackquote() {
        assertThatThrownBy(() -> Identifiers.quote("a`b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void literalEscapesQuotesAndBackslashes() {
        assertThat(Identifiers.literal("ns")).isEqualTo("'ns'");
        assertThat(Identifiers.literal("it's\\x")).isEqualTo("'it\\'s\\\\x'");
    }
}
