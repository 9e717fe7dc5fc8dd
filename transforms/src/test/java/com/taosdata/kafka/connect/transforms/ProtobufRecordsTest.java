package com.taosdata.kafka.connect.transforms;

import static com.taosdata.kafka.connect.transforms.support.Records.encode;
import static com.taosdata.kafka.connect.transforms.support.Records.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/**
 * Records of Protobuf messages: {@code /schemas/json/reading-protobuf.json} is a {@code Reading} of
 * {@code /schemas/protobuf/reading.proto} as Confluent's ProtobufConverter hands it over; the Apicurio shapes are
 * built here as Apicurio's Protobuf converter makes them (Timestamp as a Struct of seconds and nanos, wrappers by their
 * full names, oneof members inline).
 */
class ProtobufRecordsTest {

    private static final String CONFLUENT_READING = "meters,device=meter-1,group_id=2"
            + " celsius=21.5f64,current=10.3f64,voltage=219.5f32,delta=-3i32,pulses=4294967295i64"
            + ",energy=9007199254740993i64,total=12345678901234i64,serial=42i64,active=true,raw=\"AQID\""
            + ",state=\"FAULT\",location_lat=37.77f64,location_lon=-122.42f64,phase=0.31f64,firmware=\"1.2.3\""
            + ",extra_humidity=40.5f64 1700000000123000000";

    private static final Schema TIMESTAMP = SchemaBuilder.struct()
            .name("google.protobuf.Timestamp")
            .field("seconds", Schema.INT64_SCHEMA)
            .field("nanos", Schema.INT32_SCHEMA)
            .build();
    private static final Schema STRING_VALUE = SchemaBuilder.struct()
            .name("google.protobuf.StringValue")
            .field("value", Schema.STRING_SCHEMA)
            .build();
    private static final Schema DOUBLE_VALUE = SchemaBuilder.struct()
            .name("google.protobuf.DoubleValue")
            .field("value", Schema.FLOAT64_SCHEMA)
            .build();
    private static final Schema APICURIO_READING = SchemaBuilder.struct()
            .name("tdconnect.sample.Reading")
            .field("site", STRING_VALUE)
            .field("ts", TIMESTAMP)
            .field("taken", TIMESTAMP)
            .field("phase", DOUBLE_VALUE)
            .field("celsius", Schema.FLOAT64_SCHEMA)
            .build();

    private static Struct apicurioReading() {
        return new Struct(APICURIO_READING)
                .put("site", new Struct(STRING_VALUE).put("value", "north"))
                .put("ts", new Struct(TIMESTAMP).put("seconds", 1_700_000_000L).put("nanos", 123_456_789))
                .put(
                        "taken",
                        new Struct(TIMESTAMP).put("seconds", 1_700_000_001L).put("nanos", 5))
                .put("phase", new Struct(DOUBLE_VALUE).put("value", 0.31))
                .put("celsius", 21.5);
    }

    @Test
    void aConfluentReadingBecomesOneColumnPerScalarWithWrappersUnwrappedAndTheOneofMemberByItsName()
            throws IOException {
        assertThat(line(convert("reading-protobuf.json"), smt("bytes.encoding", "base64")))
                .isEqualTo(CONFLUENT_READING);
    }

    @Test
    void theOneofMemberThatIsSetIsTheColumnWritten() throws IOException {
        SchemaAndValue reading = convert("reading-protobuf.json");
        Struct value = (Struct) reading.value();
        Struct oneof = new Struct(reading.schema().field("reading_0").schema()).put("fault_code", "E42");
        value.put("reading_0", oneof);
        assertThat(line(reading, smt("bytes.encoding", "base64")))
                .contains(" fault_code=\"E42\",current=10.3f64,")
                .doesNotContain("celsius")
                .doesNotContain("reading_0");
    }

    @Test
    void aTagThroughAOneofIsNamedByTheMember() throws IOException {
        SchemaAndValue reading = convert("reading-protobuf.json");
        assertThat(line(
                        reading,
                        smt("tags", "device,reading_0.celsius", "bytes.encoding", "base64", "timestamp.field", "ts")))
                .startsWith("meters,device=meter-1,celsius=21.5 group_id=2i32,current=10.3f64,");
    }

    @Test
    void anUnsetWrapperIsAMissingValueButAnUnsetOneofMemberIsNot() throws IOException {
        SchemaAndValue reading = convert("reading-protobuf.json");
        ToLineProtocol<SinkRecord> failOnNull = smt("bytes.encoding", "base64", "null.handling", "fail");
        assertThatThrownBy(() -> line(reading, failOnNull))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("field=quality: value is null and null.handling=fail");
        Struct value = (Struct) reading.value();
        value.put("quality", new Struct(reading.schema().field("quality").schema()).put("value", 3));
        assertThat(line(reading, failOnNull)).contains(",quality=3i32,").doesNotContain("fault_code");
    }

    @Test
    void aOneofInANestedMessageAddsNoNameButTheMessageDoes() {
        Schema oneof = SchemaBuilder.struct()
                .name("io.confluent.connect.protobuf.Union.user_id")
                .optional()
                .field("kafka_user_id", Schema.OPTIONAL_STRING_SCHEMA)
                .field("other_user_id", Schema.OPTIONAL_INT32_SCHEMA)
                .build();
        Schema userId = SchemaBuilder.struct()
                .name("UserId")
                .optional()
                .field("user_id_0", oneof)
                .build();
        Schema schema = SchemaBuilder.struct()
                .name("NestedMessage")
                .field("device", Schema.OPTIONAL_STRING_SCHEMA)
                .field("user_id", userId)
                .build();
        Struct message = new Struct(schema)
                .put("device", "meter-1")
                .put("user_id", new Struct(userId).put("user_id_0", new Struct(oneof).put("other_user_id", 5)));
        ToLineProtocol<SinkRecord> smt = new ToLineProtocol.Value<>();
        smt.configure(Map.of("tags", "device", "null.handling", "fail"));
        assertThat(encode(smt, record(schema, message, 0)))
                .isEqualTo("meters,device=meter-1 user_id_other_user_id=5i32 1700000000000000000");
    }

    @Test
    void wrappersAsMapValuesAreTheirValuesToo() {
        Schema values = SchemaBuilder.struct()
                .name("DoubleValue")
                .optional()
                .field("value", Schema.OPTIONAL_FLOAT64_SCHEMA)
                .build();
        Schema schema = SchemaBuilder.struct()
                .name("Reading")
                .field("device", Schema.STRING_SCHEMA)
                .field(
                        "extra",
                        SchemaBuilder.map(Schema.STRING_SCHEMA, values)
                                .optional()
                                .build())
                .build();
        Struct reading = new Struct(schema)
                .put("device", "meter-1")
                .put("extra", Map.of("humidity", new Struct(values).put("value", 40.5)));
        ToLineProtocol<SinkRecord> smt = new ToLineProtocol.Value<>();
        smt.configure(Map.of("tags", "device"));
        assertThat(encode(smt, record(schema, reading, 0)))
                .isEqualTo("meters,device=meter-1 extra_humidity=40.5f64 1700000000000000000");
    }

    @Test
    void aRepeatedFieldIsAnErrorNamingItUnlessArraysAreWrittenAsJson() throws IOException {
        SchemaAndValue samples = convert("reading-with-samples-protobuf.json");
        assertThatThrownBy(() -> line(samples, smt()))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("samples")
                .hasMessageContaining("array.encoding=json");
        assertThat(line(samples, smt("array.encoding", "json")))
                .isEqualTo("meters,device=meter-1,group_id=2 samples=\"[1.5,2.5]\" 1700000000456000000");
    }

    @Test
    void anApicurioTimestampStructIsTheRowTimestampToTheNanosecondAndWrappersAreTheirValues() {
        SinkRecord record = record(APICURIO_READING, apicurioReading(), 0);
        assertThat(encode(smt("tags", "site", "timestamp.field", "ts"), record))
                .isEqualTo("meters,site=north taken=1700000001000000005i64,phase=0.31f64,celsius=21.5f64"
                        + " 1700000000123456789");
    }

    @Test
    void aTimestampStructInAMillisecondDatabaseCountsMilliseconds() {
        SinkRecord record = record(APICURIO_READING, apicurioReading(), 0);
        assertThat(encode(smt("tags", "site", "timestamp.field", "ts", "precision", "ms"), record))
                .isEqualTo("meters,site=north taken=1700000001000i64,phase=0.31f64,celsius=21.5f64 1700000000123");
    }

    private static ToLineProtocol<SinkRecord> smt(String... keyValues) {
        Map<String, Object> config = new HashMap<>();
        config.put("tags", "device,group_id");
        config.put("timestamp.field", "ts");
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put(keyValues[i], keyValues[i + 1]);
        }
        ToLineProtocol<SinkRecord> smt = new ToLineProtocol.Value<>();
        smt.configure(config);
        return smt;
    }

    private static String line(SchemaAndValue data, ToLineProtocol<SinkRecord> smt) {
        return encode(smt, record(data.schema(), data.value(), 0));
    }

    private static SchemaAndValue convert(String file) throws IOException {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "true", "converter.type", "value"));
        try (InputStream in = ProtobufRecordsTest.class.getResourceAsStream("/schemas/json/" + file)) {
            return converter.toConnectData("meters", in.readAllBytes());
        }
    }
}
