package com.taosdata.kafka.connect.it.transforms;

import static com.taosdata.kafka.connect.it.transforms.SchemalessTables.columnTypes;
import static com.taosdata.kafka.connect.it.transforms.SchemalessTables.number;
import static com.taosdata.kafka.connect.it.transforms.SchemalessTables.rowsByTime;
import static com.taosdata.kafka.connect.it.transforms.SchemalessTables.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.taosdata.kafka.connect.it.harness.Connectors;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * JSON topics through the SMTs into the sink on the shared worker: JSON with schemas (Structs) and schemaless JSON
 * (Maps) through {@code ToLineProtocol}, and JSON through {@code ToTelnet} and {@code ToOpenTsdbJson} into sinks
 * writing OpenTSDB telnet and JSON. Expected types are TDengine's documented schemaless ones: tags NCHAR,
 * {@code iN}/{@code fN} suffixes the matching integer/float types, {@code "…"} VARCHAR, {@code L"…"} NCHAR, OpenTSDB
 * metrics a super table of {@code _ts} and a DOUBLE {@code _value}.
 */
class JsonTransformsIT {

    private static final String TRANSFORMS = "com.taosdata.kafka.connect.transforms.";
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long T0 = 1_700_000_000_000L;

    private static ItEnvironment env;

    @RegisterExtension
    final Connectors connectors = new Connectors(() -> env.worker().rest());

    @BeforeAll
    static void setUp() {
        env = ItEnvironment.get();
    }

    @Test
    void jsonWithSchemasBecomesTypedColumns() {
        String topic = ItEnvironment.unique("json_struct");
        env.broker().createTopic(topic, 1);
        Schema status = SchemaBuilder.struct()
                .name("status")
                .field("ok", Schema.BOOLEAN_SCHEMA)
                .field("firmware", Schema.STRING_SCHEMA)
                .build();
        Schema schema = SchemaBuilder.struct()
                .name("meters")
                .field("ts", Timestamp.SCHEMA)
                .field("location", Schema.STRING_SCHEMA)
                .field("group_id", Schema.INT32_SCHEMA)
                .field("current", Schema.FLOAT64_SCHEMA)
                .field("voltage", Schema.FLOAT32_SCHEMA)
                .field("tap", Schema.INT8_SCHEMA)
                .field("code", Schema.INT16_SCHEMA)
                .field("status", status)
                .build();
        JsonConverter converter = schemaJsonConverter();
        env.broker()
                .produceBytes(
                        topic,
                        0,
                        List.of(
                                converter.fromConnectData(
                                        topic,
                                        schema,
                                        new Struct(schema)
                                                .put("ts", new Date(T0))
                                                .put("location", "California.SanFrancisco")
                                                .put("group_id", 2)
                                                .put("current", 10.3)
                                                .put("voltage", 219.5f)
                                                .put("tap", (byte) -8)
                                                .put("code", (short) 300)
                                                .put(
                                                        "status",
                                                        new Struct(status)
                                                                .put("ok", true)
                                                                .put("firmware", "v1 \"beta\""))),
                                converter.fromConnectData(
                                        topic,
                                        schema,
                                        new Struct(schema)
                                                .put("ts", new Date(T0 + 1))
                                                .put("location", "California.LosAngeles")
                                                .put("group_id", 3)
                                                .put("current", 12.6)
                                                .put("voltage", 221.0f)
                                                .put("tap", (byte) 5)
                                                .put("code", (short) -2)
                                                .put(
                                                        "status",
                                                        new Struct(status)
                                                                .put("ok", false)
                                                                .put("firmware", "北京")))));

        Map<String, String> config = lineSink(topic, true, "meters", "location,group_id", "us");
        config.put("transforms.toLine.string.type", "nchar");
        connectors.run(topic, config, 1);

        TDengineTarget td = env.tdengine();
        String table = topic + ".meters";
        await().atMost(Duration.ofSeconds(30)).until(() -> td.count(table) == 2);

        Map<String, String> expected = new TreeMap<>();
        expected.put("current", "DOUBLE");
        expected.put("voltage", "FLOAT");
        expected.put("tap", "TINYINT");
        expected.put("code", "SMALLINT");
        expected.put("status_ok", "BOOL");
        expected.put("status_firmware", "NCHAR");
        expected.put("location", "NCHAR TAG");
        expected.put("group_id", "NCHAR TAG");
        assertThat(columnTypes(td, table)).isEqualTo(expected);

        List<Map<String, Object>> rows = rowsByTime(td, table);
        assertThat(rows)
                .extracting(SchemalessTables::nanos)
                .containsExactly(T0 * NANOS_PER_MILLI, (T0 + 1) * NANOS_PER_MILLI);
        assertThat(rows)
                .extracting(
                        r -> text(r.get("location")),
                        r -> text(r.get("group_id")),
                        r -> r.get("current"),
                        r -> number(r.get("voltage")).floatValue(),
                        r -> number(r.get("tap")).intValue(),
                        r -> number(r.get("code")).intValue(),
                        r -> r.get("status_ok"),
                        r -> text(r.get("status_firmware")))
                .containsExactly(
                        tuple("California.SanFrancisco", "2", 10.3, 219.5f, -8, 300, true, "v1 \"beta\""),
                        tuple("California.LosAngeles", "3", 12.6, 221.0f, 5, -2, false, "北京"));
    }

    @Test
    void schemalessJsonBecomesInt64DoubleBoolAndVarcharColumns() {
        String topic = ItEnvironment.unique("json_map");
        env.broker().createTopic(topic, 1);
        env.broker()
                .produce(
                        topic,
                        List.of(
                                "{\"kind\": \"pumps\", \"ts\": \"2023-11-14T22:13:20.250Z\", \"device\": \"pump 7\","
                                        + " \"site\": {\"name\": \"Plant=A, north\", \"floor\": 2}, \"flow\": 12.5, \"starts\": 42,"
                                        + " \"running\": true, \"model\": \"X\\\"1\\\\2\", \"note\": null}",
                                "{\"kind\": \"pumps\", \"ts\": \"2023-11-14T22:13:21Z\", \"device\": \"pump 8\","
                                        + " \"site\": {\"name\": \"Plant B\", \"floor\": -1}, \"flow\": 0.0, \"starts\": 9000000000,"
                                        + " \"running\": false, \"model\": \"Y\", \"note\": \"serviced\"}"));

        Map<String, String> config = jsonSink(topic, false);
        config.put("transforms", "toLine");
        config.put("transforms.toLine.type", TRANSFORMS + "ToLineProtocol$Value");
        config.put("transforms.toLine.measurement.field", "kind");
        config.put("transforms.toLine.tags", "device,site.name");
        config.put("transforms.toLine.timestamp.field", "ts");
        connectors.run(topic, config, 1);

        TDengineTarget td = env.tdengine();
        String table = topic + ".pumps";
        await().atMost(Duration.ofSeconds(30)).until(() -> td.count(table) == 2);

        Map<String, String> expected = new TreeMap<>();
        expected.put("site_floor", "BIGINT");
        expected.put("flow", "DOUBLE");
        expected.put("starts", "BIGINT");
        expected.put("running", "BOOL");
        expected.put("model", "VARCHAR");
        expected.put("note", "VARCHAR");
        expected.put("device", "NCHAR TAG");
        expected.put("site_name", "NCHAR TAG");
        assertThat(columnTypes(td, table))
                .as("measurement.field and timestamp.field are no columns")
                .isEqualTo(expected);

        List<Map<String, Object>> rows = rowsByTime(td, table);
        long first = Instant.parse("2023-11-14T22:13:20.250Z").toEpochMilli() * NANOS_PER_MILLI;
        assertThat(rows).extracting(SchemalessTables::nanos).containsExactly(first, first + 750 * NANOS_PER_MILLI);
        assertThat(rows)
                .extracting(
                        r -> text(r.get("device")),
                        r -> text(r.get("site_name")),
                        r -> r.get("site_floor"),
                        r -> r.get("flow"),
                        r -> r.get("starts"),
                        r -> r.get("running"),
                        r -> text(r.get("model")),
                        r -> text(r.get("note")))
                .containsExactly(
                        tuple("pump 7", "Plant=A, north", 2L, 12.5, 42L, true, "X\"1\\2", null),
                        tuple("pump 8", "Plant B", -1L, 0.0, 9_000_000_000L, false, "Y", "serviced"));
    }

    @Test
    void toTelnetWritesOneMetricPerField() {
        String topic = ItEnvironment.unique("json_telnet");
        env.broker().createTopic(topic, 1);
        env.broker()
                .produce(
                        topic,
                        List.of(
                                "{\"ts\": " + T0
                                        + ", \"location\": \"California.SanFrancisco\", \"group_id\": 2, \"current\": 10.3,"
                                        + " \"voltage\": 219}",
                                "{\"ts\": " + (T0 + 1)
                                        + ", \"location\": \"California.LosAngeles\", \"group_id\": 3, \"current\": 12.6,"
                                        + " \"voltage\": 221}"));

        Map<String, String> config = jsonSink(topic, false);
        config.put("db.schemaless", "telnet");
        config.put("data.precision", "ms");
        config.put("transforms", "toTelnet");
        config.put("transforms.toTelnet.type", TRANSFORMS + "ToTelnet$Value");
        config.put("transforms.toTelnet.measurement", "meters");
        config.put("transforms.toTelnet.tags", "location,group_id");
        config.put("transforms.toTelnet.timestamp.field", "ts");
        config.put("transforms.toTelnet.precision", "ms");
        connectors.run(topic, config, 1);

        assertOpenTsdbMetric(topic + ".meters_current", true, 10.3, 12.6);
        assertOpenTsdbMetric(topic + ".meters_voltage", true, 219.0, 221.0);
    }

    @Test
    void toOpenTsdbJsonWritesOneMetricPerField() {
        String topic = ItEnvironment.unique("json_otsdb");
        env.broker().createTopic(topic, 1);
        Schema schema = SchemaBuilder.struct()
                .name("meters")
                .field("ts", Timestamp.SCHEMA)
                .field("location", Schema.STRING_SCHEMA)
                .field("group_id", Schema.INT32_SCHEMA)
                .field("current", Schema.FLOAT64_SCHEMA)
                .field("voltage", Schema.INT32_SCHEMA)
                .build();
        JsonConverter converter = schemaJsonConverter();
        env.broker()
                .produceBytes(
                        topic,
                        0,
                        List.of(
                                converter.fromConnectData(
                                        topic,
                                        schema,
                                        new Struct(schema)
                                                .put("ts", new Date(T0))
                                                .put("location", "California.SanFrancisco")
                                                .put("group_id", 2)
                                                .put("current", 10.3)
                                                .put("voltage", 219)),
                                converter.fromConnectData(
                                        topic,
                                        schema,
                                        new Struct(schema)
                                                .put("ts", new Date(T0 + 1))
                                                .put("location", "California.LosAngeles")
                                                .put("group_id", 3)
                                                .put("current", 12.6)
                                                .put("voltage", 221))));

        Map<String, String> config = jsonSink(topic, true);
        config.put("db.schemaless", "json");
        config.put("data.precision", "ms");
        config.put("transforms", "toJson");
        config.put("transforms.toJson.type", TRANSFORMS + "ToOpenTsdbJson$Value");
        config.put("transforms.toJson.measurement", "meters");
        config.put("transforms.toJson.tags", "location,group_id");
        config.put("transforms.toJson.timestamp.field", "ts");
        config.put("transforms.toJson.precision", "ms");
        connectors.run(topic, config, 1);

        // TDengine documents telnet tags as NCHAR but says nothing binding about the type of OpenTSDB JSON string
        // tags, so only their being tags is checked here.
        assertOpenTsdbMetric(topic + ".meters_current", false, 10.3, 12.6);
        assertOpenTsdbMetric(topic + ".meters_voltage", false, 219.0, 221.0);
    }

    /** A super table of one OpenTSDB metric: {@code _ts}, DOUBLE {@code _value}, tags location and group_id. */
    private static void assertOpenTsdbMetric(String table, boolean nchar, double atT0, double atT1) {
        TDengineTarget td = env.tdengine();
        await().atMost(Duration.ofSeconds(30)).until(() -> td.count(table) == 2);
        Map<String, String> types = columnTypes(td, table);
        assertThat(types).containsEntry("_value", "DOUBLE").containsOnlyKeys("_value", "location", "group_id");
        if (nchar) {
            assertThat(types).containsEntry("location", "NCHAR TAG").containsEntry("group_id", "NCHAR TAG");
        } else {
            assertThat(types.get("location")).endsWith(" TAG");
            assertThat(types.get("group_id")).endsWith(" TAG");
        }
        List<Map<String, Object>> rows = rowsByTime(td, table);
        assertThat(rows)
                .extracting(
                        SchemalessTables::nanos,
                        r -> r.get("_value"),
                        r -> text(r.get("location")),
                        r -> text(r.get("group_id")))
                .containsExactly(
                        tuple(T0 * NANOS_PER_MILLI, atT0, "California.SanFrancisco", "2"),
                        tuple((T0 + 1) * NANOS_PER_MILLI, atT1, "California.LosAngeles", "3"));
    }

    /**
     * A string field holding a line feed: stored exactly where TDengine can store it (native), a dead-lettered record
     * naming the field where it cannot (WebSocket and REST, whose taosAdapter splits lines at every line feed); the
     * record beside it is written either way.
     */
    @Test
    void aLineFeedInAStringFieldIsStoredOverNativeAndDeadLetteredNamingTheFieldElsewhere() {
        String topic = ItEnvironment.unique("json_lf");
        String dlq = topic + "_dlq";
        env.broker().createTopic(topic, 1);
        env.broker()
                .produce(
                        topic,
                        List.of(
                                "{\"ts\": " + T0 + ", \"location\": \"Reno\", \"note\": \"first\\nsecond\"}",
                                "{\"ts\": " + (T0 + 1) + ", \"location\": \"Reno\", \"note\": \"carriage\\rreturn\"}"));

        Map<String, String> config = lineSink(topic, false, "notes", "location", "ms");
        SinkConfigs.deadLetterQueue(config, dlq);
        connectors.run(topic, config, 1);

        TDengineTarget td = env.tdengine();
        String table = topic + ".notes";
        if (td.isNative()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> td.count(table) == 2);
            assertThat(rowsByTime(td, table))
                    .extracting(r -> text(r.get("note")))
                    .containsExactly("first\nsecond", "carriage\rreturn");
            return;
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> td.count(table) == 1);
        assertThat(rowsByTime(td, table)).extracting(r -> text(r.get("note"))).containsExactly("carriage\rreturn");
        List<ConsumerRecord<byte[], byte[]>> deadLettered = env.broker().consume(dlq, 1, Duration.ofSeconds(60));
        assertThat(deadLettered).hasSize(1);
        Header reason = deadLettered.get(0).headers().lastHeader("__connect.errors.exception.message");
        assertThat(new String(reason.value(), StandardCharsets.UTF_8))
                .contains("'note'")
                .contains("line feed")
                .contains("jdbc:TAOS://");
    }

    /** A JSON sink through {@code ToLineProtocol} with timestamp field {@code ts}, SMT and database in one precision. */
    private Map<String, String> lineSink(
            String topic, boolean schemas, String measurement, String tags, String precision) {
        Map<String, String> config = jsonSink(topic, schemas);
        config.put("data.precision", precision);
        config.put("transforms", "toLine");
        config.put("transforms.toLine.type", TRANSFORMS + "ToLineProtocol$Value");
        config.put("transforms.toLine.measurement", measurement);
        config.put("transforms.toLine.tags", tags);
        config.put("transforms.toLine.timestamp.field", "ts");
        config.put("transforms.toLine.precision", precision);
        return config;
    }

    private Map<String, String> jsonSink(String topic, boolean schemas) {
        Map<String, String> config = SinkConfigs.sink(env.tdengine(), topic, topic);
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", Boolean.toString(schemas));
        return config;
    }

    /** Writes the envelopes that {@code JsonConverter} with {@code schemas.enable=true} reads. */
    private static JsonConverter schemaJsonConverter() {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "true"), false);
        return converter;
    }
}
