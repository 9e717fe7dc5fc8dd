package com.taosdata.kafka.connect.schemas.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.schemas.RenderOptions;
import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import java.time.Instant;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProtobufStructsTest {

    /** google.protobuf.Timestamp as Apicurio's Protobuf converter hands it over. */
    private static final Schema APICURIO_TIMESTAMP = SchemaBuilder.struct()
            .name("google.protobuf.Timestamp")
            .field("seconds", Schema.INT64_SCHEMA)
            .field("nanos", Schema.INT32_SCHEMA)
            .build();

    private static Schema wrapper(String name, Schema value) {
        return SchemaBuilder.struct()
                .name(name)
                .optional()
                .field("value", value)
                .build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Int32Value", "google.protobuf.Int32Value"})
    void aWrapperByConfluentsOrApicuriosNameStandsForItsValue(String name) {
        Schema schema = wrapper(name, Schema.OPTIONAL_INT32_SCHEMA);
        assertThat(ProtobufStructs.wrapped(schema)).isSameAs(Schema.OPTIONAL_INT32_SCHEMA);
        assertThat(ProtobufStructs.isValue(schema)).isTrue();
        assertThat(ColumnMapping.isContainer(schema)).isFalse();
        assertThat(ColumnMapping.forSchema(schema)).isEqualTo(ColumnMapping.INT32);
        assertThat(ProtobufStructs.value(new Struct(schema).put("value", 7))).isEqualTo(7);
        assertThat(ProtobufStructs.value(new Struct(schema))).isNull();
    }

    @Test
    void everyWrapperOfWrappersProtoIsOne() {
        for (String name : new String[] {
            "DoubleValue",
            "FloatValue",
            "Int64Value",
            "UInt64Value",
            "Int32Value",
            "UInt32Value",
            "BoolValue",
            "StringValue",
            "BytesValue"
        }) {
            assertThat(ProtobufStructs.wrapped(wrapper(name, Schema.OPTIONAL_STRING_SCHEMA)))
                    .as(name)
                    .isNotNull();
        }
    }

    @Test
    void aStructOfAnotherNameOrShapeIsNoWrapper() {
        assertThat(ProtobufStructs.wrapped(wrapper("Reading", Schema.OPTIONAL_INT32_SCHEMA)))
                .isNull();
        assertThat(ProtobufStructs.wrapped(SchemaBuilder.struct()
                        .name("Int32Value")
                        .field("value", Schema.INT32_SCHEMA)
                        .field("unit", Schema.STRING_SCHEMA)
                        .build()))
                .isNull();
        assertThat(ProtobufStructs.wrapped(
                        wrapper("StringValue", SchemaBuilder.struct().optional().build())))
                .isNull();
        assertThat(ProtobufStructs.wrapped(SchemaBuilder.struct()
                        .field("value", Schema.INT32_SCHEMA)
                        .build()))
                .isNull();
        Schema nested = SchemaBuilder.struct()
                .name("Location")
                .field("lat", Schema.FLOAT64_SCHEMA)
                .build();
        assertThat(ColumnMapping.isContainer(nested)).isTrue();
        assertThat(ColumnMapping.isContainer(new Struct(nested).put("lat", 1.0)))
                .isTrue();
    }

    @Test
    void aTimestampStructIsAnInstantToTheNanosecond() {
        assertThat(ProtobufStructs.isTimestamp(APICURIO_TIMESTAMP)).isTrue();
        assertThat(ColumnMapping.forSchema(APICURIO_TIMESTAMP)).isEqualTo(ColumnMapping.TIMESTAMP);
        Struct value =
                new Struct(APICURIO_TIMESTAMP).put("seconds", 1_700_000_000L).put("nanos", 123_456_789);
        assertThat(ColumnMapping.isContainer(value)).isFalse();
        assertThat(ProtobufStructs.value(value)).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 123_456_789));
        StringBuilder line = new StringBuilder();
        ColumnMapping.TIMESTAMP.appendLineValue(line, ProtobufStructs.value(value), RenderOptions.DEFAULTS);
        assertThat(line).hasToString("1700000000123456789i64");
        assertThat(ColumnMapping.forValue(Instant.EPOCH)).isEqualTo(ColumnMapping.TIMESTAMP);
    }

    @Test
    void missingSecondsOrNanosCountAsZeroAsProto3LeavesZeroesOut() {
        Schema optional = SchemaBuilder.struct()
                .name("Timestamp")
                .optional()
                .field("seconds", Schema.OPTIONAL_INT64_SCHEMA)
                .field("nanos", Schema.OPTIONAL_INT32_SCHEMA)
                .build();
        assertThat(ProtobufStructs.value(new Struct(optional).put("seconds", 5L)))
                .isEqualTo(Instant.ofEpochSecond(5));
    }

    @Test
    void aTimestampBeyondInstantIsAnErrorNamingIt() {
        Struct value =
                new Struct(APICURIO_TIMESTAMP).put("seconds", Long.MAX_VALUE).put("nanos", 0);
        assertThatThrownBy(() -> ProtobufStructs.value(value))
                .isInstanceOf(UnsupportedValueException.class)
                .hasMessageContaining("google.protobuf.Timestamp of " + Long.MAX_VALUE + " s is out of range");
    }

    @Test
    void aSecondsAndNanosStructOfAnotherNameOrTypesIsNoTimestamp() {
        assertThat(ProtobufStructs.isTimestamp(SchemaBuilder.struct()
                        .name("Duration")
                        .field("seconds", Schema.INT64_SCHEMA)
                        .field("nanos", Schema.INT32_SCHEMA)
                        .build()))
                .isFalse();
        assertThat(ProtobufStructs.isTimestamp(SchemaBuilder.struct()
                        .name("google.protobuf.Timestamp")
                        .field("seconds", Schema.INT32_SCHEMA)
                        .field("nanos", Schema.INT32_SCHEMA)
                        .build()))
                .isFalse();
    }

    @Test
    void aConfluentUnionIsAOneof() {
        Schema union = SchemaBuilder.struct()
                .name("io.confluent.connect.protobuf.Union.reading")
                .optional()
                .field("celsius", Schema.OPTIONAL_FLOAT64_SCHEMA)
                .build();
        assertThat(ProtobufStructs.isOneof(union)).isTrue();
        assertThat(ColumnMapping.isContainer(union)).isTrue();
        assertThat(ProtobufStructs.isOneof(
                        SchemaBuilder.struct().name("reading").build()))
                .isFalse();
        assertThat(ProtobufStructs.isOneof(Schema.STRING_SCHEMA)).isFalse();
    }

    @Test
    void otherValuesAreThemselves() {
        assertThat(ProtobufStructs.value("x")).isEqualTo("x");
        assertThat(ProtobufStructs.value(null)).isNull();
    }
}
