package com.taosdata.kafka.connect.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

/** What {@code validate()} (offline here, as {@code tdconnect validate --offline}) says of {@code write.method=stmt}. */
class TypedWritesValidationTest {

    private final TDengineSinkConnector connector = new TDengineSinkConnector();

    private static Map<String, String> typed(String... overrides) {
        Map<String, String> props = new HashMap<>();
        props.put("connector.class", TDengineSinkConnector.class.getName());
        props.put("topics", "meters");
        props.put("connection.url", "jdbc:TAOS-WS://localhost:6041");
        props.put("connection.database", "power");
        props.put("write.method", "stmt");
        props.put("tags", "location,groupid");
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                props.remove(overrides[i]);
            } else {
                props.put(overrides[i], overrides[i + 1]);
            }
        }
        return props;
    }

    private List<String> errors(Map<String, String> props, String key) {
        Config config = connector.validateOffline(props);
        return config.configValues().stream()
                .filter(v -> v.name().equals(key))
                .findFirst()
                .map(ConfigValue::errorMessages)
                .orElseThrow();
    }

    private List<String> allErrors(Map<String, String> props) {
        return connector.validateOffline(props).configValues().stream()
                .flatMap(v -> v.errorMessages().stream())
                .toList();
    }

    @Test
    void aTypedConfigWithTemplatesAutoCreateAndATimestampFieldIsValid() {
        assertThat(allErrors(typed(
                        "table.name.format",
                        "m_${topic}",
                        "child.table.name.format",
                        "d${groupid}",
                        "auto.create",
                        "true",
                        "auto.evolve",
                        "true",
                        "timestamp.field",
                        "event.time")))
                .isEmpty();
    }

    @Test
    void anEncodingSmtInTheChainIsAnErrorOnWriteMethod() {
        assertThat(errors(
                        typed(
                                "transforms",
                                "toLine",
                                "transforms.toLine.type",
                                "com.taosdata.kafka.connect.transforms.ToLineProtocol$Value"),
                        "write.method"))
                .singleElement()
                .asString()
                .contains("transform 'toLine'", "ToLineProtocol", "write.method=schemaless");
    }

    @Test
    void aSuperTableNamePlaceholderOtherThanTopicIsAnErrorOnTheKey() {
        assertThat(errors(typed("table.name.format", "kafka_${topc}"), "table.name.format"))
                .singleElement()
                .asString()
                .contains("${topc}", "only ${topic}");
    }

    @Test
    void anUnclosedPlaceholderIsAnError() {
        assertThat(errors(typed("child.table.name.format", "d${groupid"), "child.table.name.format"))
                .singleElement()
                .asString()
                .contains("without its closing }");
    }

    @Test
    void aChildTableNameWithoutPlaceholderIsAnErrorAsItWouldPutEveryRecordInOneTable() {
        assertThat(errors(typed("child.table.name.format", "d1"), "child.table.name.format"))
                .singleElement()
                .asString()
                .contains("no placeholder");
    }

    @Test
    void autoCreateWithoutTagsIsAnErrorOnTags() {
        assertThat(errors(typed("tags", null, "auto.create", "true"), "tags"))
                .singleElement()
                .asString()
                .contains("auto.create=true needs tags");
    }

    @Test
    void aTagAlsoUsedAsTheTimestampIsAnErrorOnTimestampField() {
        assertThat(errors(typed("timestamp.field", "groupid"), "timestamp.field"))
                .singleElement()
                .asString()
                .contains("cannot also be a tag");
    }

    @Test
    void tableNameTagAndTimestampMissingBelongToSchemalessWrites() {
        Map<String, String> props = typed(
                "table.name.tag",
                "device",
                "timestamp.missing",
                "record",
                "connection.url",
                "jdbc:TAOS-RS://localhost:6041");
        assertThat(errors(props, "table.name.tag"))
                .singleElement()
                .asString()
                .contains("child.table.name.format (e.g. d${device})");
        assertThat(errors(props, "timestamp.missing"))
                .singleElement()
                .asString()
                .contains("timestamp.field");
    }

    @Test
    void typedKeysWithTheSchemalessWriteMethodAreErrorsRatherThanIgnored() {
        Map<String, String> props = typed("write.method", null, "auto.create", "true");
        assertThat(errors(props, "tags")).singleElement().asString().contains("write.method=stmt only");
        assertThat(errors(props, "auto.create")).singleElement().asString().contains("write.method=stmt only");
        assertThat(errors(props, "write.method")).isEmpty();
    }

    @Test
    void anUnknownWriteMethodIsRefusedByTheValidator() {
        assertThat(errors(typed("write.method", "binding"), "write.method")).isNotEmpty();
    }
}
