package com.taosdata.kafka.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.schemas.Version;
import com.taosdata.kafka.connect.transforms.config.EncodingConfigDef;
import com.taosdata.kafka.connect.transforms.support.Records;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigurationTest {

    private static final List<String> KEYS = List.of(
            "measurement",
            "measurement.field",
            "table.name.field",
            "tags",
            "fields",
            "timestamp.field",
            "timestamp.unit",
            "precision",
            "field.separator",
            "string.type",
            "type.suffixes",
            "null.handling",
            "bytes.encoding",
            "array.encoding");

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "timestamp.unit|minutes|must be one of [s, ms, us, ns]",
                "precision|s|must be one of [ms, us, ns]",
                "string.type|text|must be one of [varchar, nchar]",
                "type.suffixes|prometheus|must be one of [tdengine, influx]",
                "null.handling|ignore|must be one of [skip, fail]",
                "bytes.encoding|base32|must be one of [none, base64, hex]",
                "array.encoding|csv|must be one of [none, json]",
                "tags|a,,b|has an empty name",
                "fields|a..b|has an empty name",
                "timestamp.field|.ts|has an empty name",
                "measurement.field|m.|has an empty name",
                "table.name.field|device..id|has an empty name",
                "field.separator|''|String must be non-empty"
            })
    void rejectsInvalidValuesNamingTheKey(String key, String value, String message) {
        String actual = "''".equals(value) ? "" : value;
        assertThatThrownBy(() -> new ToLineProtocol.Value<SinkRecord>().configure(Map.of(key, actual)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("configuration " + key)
                .hasMessageContaining(message);
    }

    @Test
    void aNullEnumValueIsRejectedNamingTheKey() {
        Map<String, String> config = new HashMap<>();
        config.put("string.type", null);
        assertThatThrownBy(() -> new ToLineProtocol.Value<SinkRecord>().configure(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("configuration string.type")
                .hasMessageContaining("must be one of [varchar, nchar]");
    }

    @Test
    void openTsdbProtocolsOnlyCarryMilliseconds() {
        assertThatThrownBy(() -> new ToTelnet.Value<SinkRecord>().configure(Map.of("precision", "ns")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("must be one of [ms]");
        assertThat(ToOpenTsdbJson.CONFIG_DEF.defaultValues()).containsEntry("precision", "ms");
        assertThat(ToLineProtocol.CONFIG_DEF.defaultValues()).containsEntry("precision", "ns");
    }

    @Test
    void aTagCannotAlsoBeAFieldOrTheTimestamp() {
        assertThatThrownBy(() -> new ToLineProtocol.Value<SinkRecord>().configure(Map.of("tags", "a", "fields", "a,b")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("configuration fields");
        assertThatThrownBy(() ->
                        new ToLineProtocol.Value<SinkRecord>().configure(Map.of("tags", "a", "timestamp.field", "a")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("configuration timestamp.field");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"tags|device_id", "fields|device_id", "timestamp.field|device_id", "measurement.field|device_id"})
    void theTableNameFieldIsOnlyTheTableName(String otherKey, String value) {
        assertThatThrownBy(() -> new ToLineProtocol.Value<SinkRecord>()
                        .configure(Map.of("table.name.field", "device_id", otherKey, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("configuration table.name.field")
                .hasMessageContaining(
                        "cannot also be listed in tags or fields, nor be the timestamp or measurement field");
    }

    @Test
    void enumValuesAreCaseInsensitive() {
        ToLineProtocol<SinkRecord> smt = Records.configured(
                new ToLineProtocol.Value<>(), Map.of("measurement", "m", "precision", "US", "string.type", "NChar"));
        assertThat(Records.encodeValue(smt, Map.of("s", "x")))
                .isEqualTo("m s=L\"x\" " + (Records.KAFKA_TIMESTAMP + 42) * 1_000L);
    }

    @Test
    void definesEveryKeyWithDocumentationGroupAndDisplayName() {
        for (ConfigDef def : List.of(ToLineProtocol.CONFIG_DEF, ToTelnet.CONFIG_DEF, ToOpenTsdbJson.CONFIG_DEF)) {
            assertThat(def.names()).containsExactlyInAnyOrderElementsOf(KEYS);
            for (ConfigDef.ConfigKey key : def.configKeys().values()) {
                assertThat(key.documentation).as(key.name).isNotBlank();
                assertThat(key.group).as(key.name).isNotBlank();
                assertThat(key.displayName).as(key.name).isNotBlank();
            }
        }
        assertThat(ToLineProtocol.CONFIG_DEF.defaultValues())
                .containsEntry("timestamp.unit", "ms")
                .containsEntry("field.separator", "_")
                .containsEntry("string.type", "varchar")
                .containsEntry("type.suffixes", "tdengine")
                .containsEntry("null.handling", "skip");
    }

    @Test
    void recommendersListTheValidatorsValues() {
        List<ConfigValue> values = ToLineProtocol.CONFIG_DEF.validate(Map.of());
        Map<String, List<Object>> recommended =
                values.stream().collect(Collectors.toMap(ConfigValue::name, ConfigValue::recommendedValues));
        assertThat(recommended.get(EncodingConfigDef.PRECISION)).containsExactly("ms", "us", "ns");
        assertThat(recommended.get(EncodingConfigDef.NULL_HANDLING)).containsExactly("skip", "fail");
    }

    @Test
    void everySmtReportsTheProjectVersion() {
        for (Versioned smt : List.of(
                new ToLineProtocol.Value<SinkRecord>(),
                new ToTelnet.Key<SinkRecord>(),
                new ToOpenTsdbJson.Value<SinkRecord>())) {
            assertThat(smt.version()).isEqualTo(Version.get()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        }
    }

    @Test
    void everySmtIsRegisteredAsAService() {
        @SuppressWarnings("rawtypes")
        List<String> names = StreamSupport.stream(
                        ServiceLoader.load(Transformation.class).spliterator(), false)
                .map(t -> t.getClass().getName())
                .filter(n -> n.startsWith("com.taosdata"))
                .collect(Collectors.toList());
        assertThat(names)
                .containsExactlyInAnyOrder(
                        ToLineProtocol.Key.class.getName(), ToLineProtocol.Value.class.getName(),
                        ToTelnet.Key.class.getName(), ToTelnet.Value.class.getName(),
                        ToOpenTsdbJson.Key.class.getName(), ToOpenTsdbJson.Value.class.getName());
    }
}
