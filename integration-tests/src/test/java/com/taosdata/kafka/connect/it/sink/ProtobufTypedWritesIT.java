package com.taosdata.kafka.connect.it.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.taosdata.kafka.connect.it.harness.Connectors;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code write.method=stmt} with records of Protobuf messages: the Connect Structs a Protobuf converter hands the sink
 * ({@code /schemas/json/reading-protobuf.json}: a {@code Reading} of {@code /schemas/protobuf/reading.proto} as
 * Confluent's ProtobufConverter makes it; a Timestamp Struct as Apicurio's makes it), carried to the worker by
 * {@code JsonConverter} with schemas, which keeps their names, parameters and optionality. Neither Protobuf converter
 * resolves from Maven Central (see docs/sink.md), so this is as close to one as CI gets.
 */
class ProtobufTypedWritesIT {

    private static final long T0 = 1_700_000_000_123L;

    private static ItEnvironment env;
    private static JsonConverter json;

    @RegisterExtension
    final Connectors connectors = new Connectors(() -> env.worker().rest());

    @BeforeAll
    static void start() {
        env = ItEnvironment.get();
        json = new JsonConverter();
        json.configure(Map.of("schemas.enable", "true", "converter.type", "value"));
    }

    @Test
    void everyProtobufShapeGetsItsColumnTypeAndARepeatedFieldIsDeadLetteredNamingIt() throws Exception {
        String topic = ItEnvironment.unique("proto_typed");
        String dlq = topic + "_dlq";
        TDengineTarget td = env.tdengine();
        env.broker().createTopic(topic, 1);
        SchemaAndValue first = sample("reading-protobuf.json");
        SchemaAndValue fault = sample("reading-protobuf.json");
        Struct faultValue = (Struct) fault.value();
        faultValue.put("ts", new Date(T0 + 1));
        faultValue.put("reading_0", new Struct(fault.schema().field("reading_0").schema()).put("fault_code", "E42"));
        faultValue.put("phase", null);
        produce(topic, first, sample("reading-with-samples-protobuf.json"), fault);

        Map<String, String> config = SinkConfigs.sink(td, topic, topic);
        config.remove("db.schemaless");
        config.put("write.method", "stmt");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "true");
        config.put("tags", "device,group_id");
        config.put("timestamp.field", "ts");
        config.put("child.table.name.format", "d_${group_id}");
        config.put("table.name.format", "readings");
        config.put("auto.create", "true");
        config.put("auto.evolve", "true");
        SinkConfigs.deadLetterQueue(config, dlq);
        connectors.run(topic, config, 1);

        List<ConsumerRecord<byte[], byte[]>> deadLettered = env.broker().consume(dlq, 1, Duration.ofSeconds(60));
        assertThat(deadLettered)
                .singleElement()
                .satisfies(r -> assertThat(header(r, "__connect.errors.exception.message"))
                        .contains("field samples", "TDengine has no array column"));
        await().atMost(Duration.ofSeconds(60)).until(() -> td.count(topic + ".readings") == 2);

        assertThat(describe(topic + ".readings"))
                .containsExactlyInAnyOrderEntriesOf(new TreeMap<>(Map.ofEntries(
                        Map.entry("ts", "TIMESTAMP"),
                        Map.entry("celsius", "DOUBLE"),
                        Map.entry("fault_code", "VARCHAR"),
                        Map.entry("current", "DOUBLE"),
                        Map.entry("voltage", "FLOAT"),
                        Map.entry("delta", "INT"),
                        Map.entry("pulses", "BIGINT"),
                        Map.entry("energy", "BIGINT"),
                        Map.entry("total", "BIGINT"),
                        Map.entry("serial", "BIGINT"),
                        Map.entry("active", "BOOL"),
                        Map.entry("raw", "VARBINARY"),
                        Map.entry("state", "VARCHAR"),
                        Map.entry("location_lat", "DOUBLE"),
                        Map.entry("location_lon", "DOUBLE"),
                        Map.entry("phase", "DOUBLE"),
                        Map.entry("firmware", "VARCHAR"),
                        Map.entry("extra_humidity", "DOUBLE"),
                        Map.entry("device", "VARCHAR TAG"),
                        Map.entry("group_id", "INT TAG"))));
        List<Map<String, Object>> rows = td.query("SELECT tbname, ts, celsius, fault_code, current, voltage, delta,"
                + " pulses, energy, total, serial, active, raw, `state`, location_lat, location_lon, phase, firmware,"
                + " extra_humidity, device, group_id FROM " + topic + ".readings ORDER BY ts");
        assertThat(rows).hasSize(2);
        Map<String, Object> row = rows.get(0);
        assertThat(text(row.get("tbname"))).isEqualTo("d_2");
        assertThat(TDengineTarget.epochNanos(row.get("ts"))).isEqualTo(T0 * 1_000_000);
        assertThat(row.get("celsius")).isEqualTo(21.5);
        assertThat(row.get("fault_code")).isNull();
        assertThat(row.get("current")).isEqualTo(10.3);
        assertThat(row.get("voltage")).isEqualTo(219.5f);
        assertThat(row.get("delta")).isEqualTo(-3);
        assertThat(row.get("pulses")).isEqualTo(4_294_967_295L);
        assertThat(row.get("energy")).isEqualTo(9_007_199_254_740_993L);
        assertThat(row.get("total")).isEqualTo(12_345_678_901_234L);
        assertThat(row.get("serial")).isEqualTo(42L);
        assertThat(row.get("active")).isEqualTo(true);
        // the REST driver hands VARBINARY over as the hexadecimal text in quotes, the native one as bytes
        assertThat(hex(row.get("raw"))).isIn("010203", "\"010203\"");
        assertThat(text(row.get("state"))).isEqualTo("FAULT");
        assertThat(row.get("location_lat")).isEqualTo(37.77);
        assertThat(row.get("location_lon")).isEqualTo(-122.42);
        assertThat(row.get("phase")).isEqualTo(0.31);
        assertThat(text(row.get("firmware"))).isEqualTo("1.2.3");
        assertThat(row.get("extra_humidity")).isEqualTo(40.5);
        assertThat(text(row.get("device"))).isEqualTo("meter-1");
        assertThat(row.get("group_id")).isEqualTo(2);
        Map<String, Object> second = rows.get(1);
        assertThat(second.get("celsius")).isNull();
        assertThat(text(second.get("fault_code"))).isEqualTo("E42");
        assertThat(second.get("phase")).as("an unset wrapper is NULL").isNull();
        assertThat(env.worker().rest().taskStates(topic)).containsOnly("RUNNING");
    }

    @Test
    void aTimestampStructIsWrittenToTheNanosecondInANanosecondDatabase() throws Exception {
        String topic = ItEnvironment.unique("proto_ts");
        TDengineTarget td = env.tdengine();
        env.broker().createTopic(topic, 1);
        Schema timestamp = SchemaBuilder.struct()
                .name("google.protobuf.Timestamp")
                .field("seconds", Schema.INT64_SCHEMA)
                .field("nanos", Schema.INT32_SCHEMA)
                .build();
        Schema reading = SchemaBuilder.struct()
                .name("tdconnect.sample.Reading")
                .field("device", Schema.STRING_SCHEMA)
                .field("ts", timestamp)
                .field("taken", timestamp)
                .field("current", Schema.FLOAT64_SCHEMA)
                .build();
        Struct value = new Struct(reading)
                .put("device", "meter-1")
                .put("ts", new Struct(timestamp).put("seconds", 1_700_000_000L).put("nanos", 123_456_789))
                .put(
                        "taken",
                        new Struct(timestamp).put("seconds", 1_700_000_001L).put("nanos", 7))
                .put("current", 10.3);
        produce(topic, new SchemaAndValue(reading, value));

        Map<String, String> config = SinkConfigs.sink(td, topic, topic);
        config.remove("db.schemaless");
        config.put("write.method", "stmt");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "true");
        config.put("data.precision", "ns");
        config.put("tags", "device");
        config.put("timestamp.field", "ts");
        config.put("table.name.format", "readings");
        config.put("auto.create", "true");
        connectors.run(topic, config, 1);

        await().atMost(Duration.ofSeconds(60)).until(() -> td.count(topic + ".readings") == 1);
        assertThat(describe(topic + ".readings")).containsEntry("taken", "TIMESTAMP");
        assertThat(td.query("SELECT ts, taken FROM " + topic + ".readings"))
                .singleElement()
                .satisfies(row -> {
                    assertThat(TDengineTarget.epochNanos(row.get("ts"))).isEqualTo(1_700_000_000_123_456_789L);
                    assertThat(TDengineTarget.epochNanos(row.get("taken"))).isEqualTo(1_700_000_001_000_000_007L);
                });
    }

    private static Map<String, String> describe(String table) {
        Map<String, String> types = new TreeMap<>();
        for (Map<String, Object> column : env.tdengine().query("DESCRIBE " + table)) {
            types.put(
                    text(column.get("field")),
                    text(column.get("type")) + ("TAG".equals(text(column.get("note"))) ? " TAG" : ""));
        }
        return types;
    }

    private static SchemaAndValue sample(String file) throws IOException {
        try (InputStream in = ProtobufTypedWritesIT.class.getResourceAsStream("/schemas/json/" + file)) {
            return json.toConnectData("unused", in.readAllBytes());
        }
    }

    private static void produce(String topic, SchemaAndValue... records) {
        List<byte[]> serialized = new ArrayList<>();
        for (SchemaAndValue record : records) {
            serialized.add(json.fromConnectData(topic, record.schema(), record.value()));
        }
        env.broker().produceBytes(topic, 0, serialized);
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }

    /** VARBINARY values come as bytes over the native driver and as hex text over REST. */
    private static String hex(Object value) {
        if (!(value instanceof byte[] bytes)) {
            return String.valueOf(value);
        }
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02x", b));
        }
        return text.toString();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
