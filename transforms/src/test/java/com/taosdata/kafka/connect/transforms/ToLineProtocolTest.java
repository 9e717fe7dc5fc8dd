package com.taosdata.kafka.connect.transforms;

import static com.taosdata.kafka.connect.transforms.support.Records.encode;
import static com.taosdata.kafka.connect.transforms.support.Records.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class ToLineProtocolTest {

    private static final Schema METERS = SchemaBuilder.struct()
            .name("meters")
            .field("ts", Timestamp.SCHEMA)
            .field("location", Schema.STRING_SCHEMA)
            .field("group_id", Schema.INT32_SCHEMA)
            .field("current", Schema.FLOAT64_SCHEMA)
            .field("voltage", Schema.OPTIONAL_FLOAT64_SCHEMA)
            .build();

    private static Struct meters(String location, Double voltage) {
        return new Struct(METERS)
                .put("ts", new Date(1_700_000_000_123L))
                .put("location", location)
                .put("group_id", 2)
                .put("current", 10.5)
                .put("voltage", voltage);
    }

    private static ToLineProtocol<SinkRecord> smt(Object... keyValues) {
        Map<String, Object> config = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put((String) keyValues[i], keyValues[i + 1]);
        }
        ToLineProtocol<SinkRecord> smt = new ToLineProtocol.Value<>();
        smt.configure(config);
        return smt;
    }

    private static String line(ToLineProtocol<SinkRecord> smt, Struct value) {
        return encode(smt, record(value.schema(), value, 7));
    }

    @Test
    void writesTagsFieldsAndTimestamp() {
        assertThat(line(smt("tags", "location,group_id", "timestamp.field", "ts"), meters("SF", 219.0)))
                .isEqualTo("meters,location=SF,group_id=2 current=10.5f64,voltage=219.0f64 1700000000123000000");
    }

    @Test
    void defaultsToEveryFieldAndTheKafkaTimestamp() {
        assertThat(line(smt(), meters("SF", 1.0)))
                .isEqualTo("meters ts=1700000000123000000i64,location=\"SF\","
                        + "group_id=2i32,current=10.5f64,voltage=1.0f64 1700000000007000000");
    }

    @Test
    void aStaticMeasurementReplacesTheTopic() {
        assertThat(line(smt("measurement", "power", "fields", "current", "timestamp.field", "ts"), meters("SF", 1.0)))
                .isEqualTo("power current=10.5f64 1700000000123000000");
    }

    @Test
    void aMeasurementFieldWinsOverTheStaticName() {
        assertThat(line(
                        smt(
                                "measurement",
                                "power",
                                "measurement.field",
                                "location",
                                "fields",
                                "current",
                                "timestamp.field",
                                "ts"),
                        meters("my meter,1", 1.0)))
                .isEqualTo("my\\ meter\\,1 current=10.5f64 1700000000123000000");
    }

    @Test
    void eachRecordGetsItsOwnMeasurementAndOneThatCannotBeWrittenIsRefusedEveryTime() {
        ToLineProtocol<SinkRecord> smt =
                smt("measurement.field", "location", "fields", "current", "timestamp.field", "ts");
        assertThat(line(smt, meters("my meter,1", 1.0))).startsWith("my\\ meter\\,1 current=");
        assertThat(line(smt, meters("SF", 1.0))).startsWith("SF current=");
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> line(smt, meters("a\\ b", 1.0)))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("field=<measurement>")
                    .hasMessageContaining("backslash");
        }
        assertThat(line(smt, meters("SF", 1.0))).startsWith("SF current=");
        assertThat(line(smt, meters("my meter,1", 1.0))).startsWith("my\\ meter\\,1 current=");
    }

    @Test
    void theMeasurementFieldIsNotWrittenAsAField() {
        assertThat(line(smt("measurement.field", "location", "timestamp.field", "ts"), meters("SF", null)))
                .isEqualTo("SF group_id=2i32,current=10.5f64 1700000000123000000");
    }

    @Test
    void nullFieldsAreSkippedByDefaultAndFailOnRequest() {
        assertThat(line(smt("tags", "location", "timestamp.field", "ts"), meters("SF", null)))
                .isEqualTo("meters,location=SF group_id=2i32,current=10.5f64 1700000000123000000");
        assertThatThrownBy(() -> line(
                        smt("tags", "location", "timestamp.field", "ts", "null.handling", "fail"), meters("SF", null)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("field=voltage")
                .hasMessageContaining("null.handling=fail");
    }

    @Test
    void emptyAndNullTagValuesAreLeftOut() {
        Schema schema = SchemaBuilder.struct()
                .field("a", Schema.OPTIONAL_STRING_SCHEMA)
                .field("b", Schema.STRING_SCHEMA)
                .field("v", Schema.INT64_SCHEMA)
                .build();
        Struct value = new Struct(schema).put("a", null).put("b", "").put("v", 1L);
        assertThat(line(smt("tags", "a,b"), value)).isEqualTo("meters v=1i64 1700000000007000000");
    }

    @Test
    void aRecordWithoutFieldsIsADataError() {
        Schema schema = SchemaBuilder.struct()
                .field("t", Schema.STRING_SCHEMA)
                .field("v", Schema.OPTIONAL_INT64_SCHEMA)
                .build();
        assertThatThrownBy(() -> line(smt("tags", "t"), new Struct(schema).put("t", "x")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("no field left");
    }

    @Test
    void escapesEveryPartPerTdengineRules() {
        Schema schema = SchemaBuilder.struct()
                .field("tag key=1", Schema.STRING_SCHEMA)
                .field("field,key", Schema.STRING_SCHEMA)
                .build();
        Struct value = new Struct(schema).put("tag key=1", "a b,c=d").put("field,key", "he said \"hi\" \\o/");
        assertThat(line(smt("tags", "tag key=1", "measurement", "my meas,x=y"), value))
                .isEqualTo("my\\ meas\\,x=y,tag\\ key\\=1=a\\ b\\,c\\=d field\\,key=\"he said \\\"hi\\\" \\\\o/\" "
                        + "1700000000007000000");
    }

    @Test
    void rendersLogicalTypesInTheOutputPrecision() {
        Schema schema = SchemaBuilder.struct()
                .field("price", Decimal.schema(2))
                .field("day", org.apache.kafka.connect.data.Date.SCHEMA)
                .field("at", Time.SCHEMA)
                .field("seen", Timestamp.SCHEMA)
                .build();
        Struct value = new Struct(schema)
                .put("price", new BigDecimal("12.34"))
                .put("day", new Date(86_400_000L))
                .put("at", new Date(1_000L))
                .put("seen", new Date(5L));
        assertThat(line(smt("precision", "us"), value))
                .isEqualTo("meters price=12.34f64,day=86400000000i64,at=1000000i64,seen=5000i64 1700000000007000");
    }

    @Test
    void influxSuffixesAndNcharStrings() {
        assertThat(line(smt("type.suffixes", "influx", "string.type", "nchar", "precision", "ms"), meters("SF", 2.0)))
                .isEqualTo("meters ts=1700000000123i,location=L\"SF\",group_id=2i,current=10.5,"
                        + "voltage=2.0 1700000000007");
    }

    @Test
    void flattensNestedStructsAndMapsWithTheSeparator() {
        Schema site = SchemaBuilder.struct()
                .field("city", Schema.STRING_SCHEMA)
                .field("alt", Schema.INT32_SCHEMA)
                .build();
        Schema schema = SchemaBuilder.struct()
                .field("site", site)
                .field(
                        "attrs",
                        SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA)
                                .build())
                .build();
        Map<String, Long> attrs = new LinkedHashMap<>();
        attrs.put("x", 1L);
        attrs.put("y", 2L);
        Struct value = new Struct(schema)
                .put("site", new Struct(site).put("city", "Paris").put("alt", 35))
                .put("attrs", attrs);
        assertThat(line(smt("tags", "site.city", "field.separator", "__"), value))
                .isEqualTo("meters,site__city=Paris site__alt=35i32,attrs__x=1i64,attrs__y=2i64 1700000000007000000");
        assertThat(line(smt("fields", "site"), value))
                .isEqualTo("meters site_city=\"Paris\",site_alt=35i32 1700000000007000000");
    }

    @Test
    void understandsNumericIsoAndLogicalTimestamps() {
        Schema schema = SchemaBuilder.struct()
                .field("t", Schema.OPTIONAL_STRING_SCHEMA)
                .field("n", Schema.INT64_SCHEMA)
                .field("v", Schema.INT8_SCHEMA)
                .build();
        Struct value = new Struct(schema)
                .put("t", "2023-11-14T22:13:20.5+01:00")
                .put("n", 1_700_000_000L)
                .put("v", (byte) 1);
        assertThat(line(smt("timestamp.field", "t", "fields", "v"), value))
                .isEqualTo("meters v=1i8 1699996400500000000");
        assertThat(line(smt("timestamp.field", "n", "timestamp.unit", "s", "fields", "v", "precision", "ms"), value))
                .isEqualTo("meters v=1i8 1700000000000");
        value.put("t", "2023-11-14T22:13:20");
        assertThat(line(smt("timestamp.field", "t", "fields", "v", "precision", "ms"), value))
                .isEqualTo("meters v=1i8 1700000000000");
    }

    @Test
    void aMissingOrUnreadableTimestampIsADataError() {
        Schema schema = SchemaBuilder.struct()
                .field("t", Schema.OPTIONAL_STRING_SCHEMA)
                .field("v", Schema.INT8_SCHEMA)
                .build();
        assertThatThrownBy(() -> line(smt("timestamp.field", "t"), new Struct(schema).put("v", (byte) 1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("field=t")
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> line(
                        smt("timestamp.field", "t"),
                        new Struct(schema).put("t", "yesterday").put("v", (byte) 1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("ISO-8601");
        SinkRecord noTimestamp =
                new SinkRecord("meters", 0, null, null, schema, new Struct(schema).put("v", (byte) 1), 3);
        assertThatThrownBy(() -> encode(smt(), noTimestamp))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("no timestamp");
    }

    @Test
    void errorsNameTopicPartitionOffsetAndField() {
        assertThatThrownBy(() -> line(smt(), meters("SF", Double.NaN)))
                .isInstanceOf(DataException.class)
                .hasMessage("ToLineProtocol$Value: cannot encode record topic=meters partition=0 offset=7"
                        + " field=voltage: NaN is not a finite number; TDengine cannot store it");
    }

    @Test
    void bytesAndArraysAreErrorsUnlessEncoded() {
        Schema schema = SchemaBuilder.struct()
                .field("b", Schema.BYTES_SCHEMA)
                .field("a", SchemaBuilder.array(Schema.INT32_SCHEMA).build())
                .build();
        Struct value = new Struct(schema).put("b", new byte[] {(byte) 0xff}).put("a", List.of(1, 2));
        assertThatThrownBy(() -> line(smt(), value))
                .hasMessageContaining("field=b")
                .hasMessageContaining("bytes.encoding");
        assertThatThrownBy(() -> line(smt("bytes.encoding", "hex"), value))
                .hasMessageContaining("field=a")
                .hasMessageContaining("array.encoding");
        assertThat(line(smt("bytes.encoding", "hex", "array.encoding", "json"), value))
                .isEqualTo("meters b=\"ff\",a=\"[1,2]\" 1700000000007000000");
    }

    @Test
    void tombstonesPassThrough() {
        SinkRecord tombstone = record(METERS, null, 1);
        assertThat(smt().apply(tombstone)).isSameAs(tombstone);
    }

    @Test
    void otherValuesAreDataErrors() {
        assertThatThrownBy(() -> encode(smt(), record(Schema.STRING_SCHEMA, "text", 9)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("offset=9")
                .hasMessageContaining("expects a Struct or a Map");
    }

    @Test
    void theKeyVariantReplacesTheKey() {
        ToLineProtocol<SinkRecord> smt = new ToLineProtocol.Key<>();
        smt.configure(Map.of("fields", "current", "timestamp.field", "ts"));
        Struct key = meters("SF", 1.0);
        SinkRecord out = smt.apply(new SinkRecord("meters", 0, METERS, key, Schema.STRING_SCHEMA, "v", 1));
        assertThat(out.key()).isEqualTo("meters current=10.5f64 1700000000123000000");
        assertThat(out.keySchema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(out.value()).isEqualTo("v");
    }

    @Test
    void valueSchemaBecomesString() {
        SinkRecord out = smt().apply(record(METERS, meters("SF", 1.0), 1));
        assertThat(out.valueSchema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(out.timestamp()).isEqualTo(1_700_000_000_001L);
    }

    @Test
    void reportsTheModuleVersion() {
        assertThat(smt().version()).isNotBlank().doesNotContain("${");
    }
}
