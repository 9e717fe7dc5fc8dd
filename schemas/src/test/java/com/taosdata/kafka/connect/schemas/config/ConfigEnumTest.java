package com.taosdata.kafka.connect.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ConfigEnumTest {

    /** Spellings that differ from the constant names, as some of ours do. */
    enum Precision implements ConfigEnum.Named {
        MILLIS("ms"),
        MICROS("us"),
        NANOS("ns");

        private final String value;

        Precision(String value) {
            this.value = value;
        }

        @Override
        public String configValue() {
            return value;
        }
    }

    enum Protocol implements ConfigEnum.Named {
        LINE,
        TELNET,
        JSON;

        @Override
        public String configValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Test
    void valuesAreTheConfigSpellingsInDeclarationOrder() {
        assertThat(ConfigEnum.values(Precision.class)).containsExactly("ms", "us", "ns");
        assertThat(ConfigEnum.values(Protocol.class)).containsExactly("line", "telnet", "json");
    }

    @Test
    void parseIgnoresCaseAndSurroundingBlanks() {
        assertThat(ConfigEnum.parse(Precision.class, "data.precision", " US ")).isEqualTo(Precision.MICROS);
        assertThat(ConfigEnum.parse(Protocol.class, "db.schemaless", "Telnet")).isEqualTo(Protocol.TELNET);
    }

    @Test
    void parseRejectsAnUnknownValueNamingTheKeyAndTheAllowedValues() {
        assertThatThrownBy(() -> ConfigEnum.parse(Precision.class, "data.precision", "s"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("data.precision")
                .hasMessageContaining("[ms, us, ns]");
    }

    @Test
    void parseRejectsNull() {
        assertThatThrownBy(() -> ConfigEnum.parse(Protocol.class, "db.schemaless", null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("db.schemaless");
    }

    @Test
    void validatorAcceptsKnownValuesAndNull() {
        ConfigDef.Validator validator = ConfigEnum.validator(Protocol.class);

        assertThatCode(() -> validator.ensureValid("db.schemaless", "json")).doesNotThrowAnyException();
        assertThatCode(() -> validator.ensureValid("db.schemaless", null)).doesNotThrowAnyException();
    }

    @Test
    void validatorRejectsUnknownValuesUnderTheGivenKey() {
        ConfigDef.Validator validator = ConfigEnum.validator(Protocol.class);

        assertThatThrownBy(() -> validator.ensureValid("db.schemaless", "influx"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("db.schemaless")
                .hasMessageContaining("influx");
    }

    @Test
    void validatorDescribesTheAllowedValuesForTheGeneratedDocs() {
        assertThat(ConfigEnum.validator(Precision.class)).hasToString("ms, us, ns");
    }

    @Test
    void recommenderOffersEveryValueAndIsAlwaysVisible() {
        ConfigDef.Recommender recommender = ConfigEnum.recommender(Precision.class);

        assertThat(recommender.validValues("data.precision", Map.of())).containsExactly("ms", "us", "ns");
        assertThat(recommender.visible("data.precision", Map.of())).isTrue();
    }

    @Test
    void aKeyCanAllowSomeConstantsOnly() {
        ConfigEnum.Values<Precision> millisOnly = ConfigEnum.of(List.of(Precision.MILLIS));

        assertThatCode(() -> millisOnly.ensureValid("precision", "MS")).doesNotThrowAnyException();
        assertThatThrownBy(() -> millisOnly.ensureValid("precision", "ns"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("must be one of [ms]");
        assertThat(millisOnly).hasToString("ms");
        assertThat(millisOnly.validValues("precision", Map.of())).containsExactly("ms");
    }
}
