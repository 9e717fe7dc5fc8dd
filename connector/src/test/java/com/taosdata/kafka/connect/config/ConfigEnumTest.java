package com.taosdata.kafka.connect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ConfigEnumTest {

    @Test
    void valuesAreTheConfigSpellingsInDeclarationOrder() {
        assertThat(ConfigEnum.values(Precision.class)).containsExactly("ms", "us", "ns");
        assertThat(ConfigEnum.values(SchemalessProtocol.class)).containsExactly("line", "telnet", "json");
    }

    @Test
    void parseIgnoresCaseAndSurroundingBlanks() {
        assertThat(ConfigEnum.parse(Precision.class, "data.precision", " US ")).isEqualTo(Precision.US);
        assertThat(ConfigEnum.parse(SchemalessProtocol.class, "db.schemaless", "Telnet")).isEqualTo(SchemalessProtocol.TELNET);
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
        assertThatThrownBy(() -> ConfigEnum.parse(SchemalessProtocol.class, "db.schemaless", null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("db.schemaless");
    }

    @Test
    void validatorAcceptsKnownValuesAndNull() {
        ConfigDef.Validator validator = ConfigEnum.validator(SchemalessProtocol.class);

        assertThatCode(() -> validator.ensureValid("db.schemaless", "json")).doesNotThrowAnyException();
        assertThatCode(() -> validator.ensureValid("db.schemaless", null)).doesNotThrowAnyException();
    }

    @Test
    void validatorRejectsUnknownValuesUnderTheGivenKey() {
        ConfigDef.Validator validator = ConfigEnum.validator(SchemalessProtocol.class);

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
}
