package com.taosdata.kafka.connect.it.transforms;

import static com.taosdata.kafka.connect.it.transforms.SchemalessTables.columnTypes;
import static com.taosdata.kafka.connect.it.transforms.SchemalessTables.nanos;
import static com.taosdata.kafka.connect.it.transforms.SchemalessTables.number;
import static com.taosdata.kafka.connect.it.transforms.SchemalessTables.rowsByTime;
import static com.taosdata.kafka.connect.it.transforms.SchemalessTables.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.taosdata.kafka.connect.it.harness.AvroStack;
import com.taosdata.kafka.connect.it.harness.ConnectWorker;
import com.taosdata.kafka.connect.it.harness.Connectors;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import io.apicurio.registry.utils.converter.AvroConverter;
import io.apicurio.registry.utils.converter.avro.AvroData;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Avro records whose schema lives in a real registry (Apicurio, Confluent wire format) are read by a worker with
 * Apicurio's AvroConverter, turned into line protocol by {@code ToLineProtocol$Value} and written by the sink.
 * Expectations follow TDengine's schemaless documentation: tags are NCHAR, {@code iN}/{@code fN} suffixes give the
 * matching integer and float types, {@code "…"} gives VARCHAR, the timestamp is the first column, {@code _ts}.
 */
class AvroSchemaRegistryIT {

    private static final String LINE_SMT = "com.taosdata.kafka.connect.transforms.ToLineProtocol$Value";
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private static ItEnvironment env;
    private static AvroStack stack;
    private static ConnectWorker worker;
    private static AvroConverter<Object> producerConverter;

    @RegisterExtension
    final Connectors connectors = new Connectors(() -> worker.rest());

    @BeforeAll
    static void startRegistryAndAvroWorker() throws Exception {
        env = ItEnvironment.get();
        stack = AvroStack.start(ItEnvironment.unique("connect-avro"));
        worker = stack.worker();
        producerConverter = stack.newConverter();
    }

    @AfterAll
    static void stopRegistryAndAvroWorker() throws Exception {
        if (producerConverter != null) {
            producerConverter.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyFieldOfTheRichSchemaLandsWithItsTDengineTypeAndValue() throws Exception {
        String topic = ItEnvironment.unique("avro_rich");
        env.broker().createTopic(topic, 1);
        Schema schema = connectSchema("rich.avsc");

        Struct first = rich(schema, 1_700_000_000_123L, "dev-1", "San Francisco, CA=US", "north");
        first.put("flag", true)
                .put("tiny", 7)
                .put("count", 9_000_000_000L)
                .put("ratio", 0.25f)
                .put("reading", 10.3)
                .put("note", "he said \"hi\", x=1 \\o/")
                .put("maybe", 1.5)
                .put("price", new BigDecimal("12.34"))
                .put("seen_at", new Date(1_699_999_999_000L))
                .put("level", "HIGH");
        first.put("attrs", new LinkedHashMap<>(Map.of("unit", "A", "fw", "1.2")));

        // The nullable fields stay null here: they are left out of the line, so their columns read NULL.
        Struct second = rich(schema, 1_700_000_001_000L, "dev \"2\"", "C:\\data\\in", null);
        second.put("flag", false)
                .put("tiny", -3)
                .put("count", -1L)
                .put("ratio", -1.5f)
                .put("reading", 0.0)
                .put("note", "trailing backslash \\")
                .put("price", new BigDecimal("-0.50"))
                .put("level", "LOW");
        second.put("attrs", Map.of("unit", "V"));

        env.broker().produceBytes(topic, 0, List.of(serialize(topic, schema, first), serialize(topic, schema, second)));

        Map<String, String> config = avroSink(topic, topic);
        config.put("transforms", "toLine");
        config.put("transforms.toLine.type", LINE_SMT);
        // A space in the measurement is escaped in the line; TDengine names the super table with the space.
        config.put("transforms.toLine.measurement", "rich meters");
        config.put("transforms.toLine.tags", "device.id,device.site.city");
        config.put("transforms.toLine.timestamp.field", "event_time");
        config.put("transforms.toLine.field.separator", "__");
        connectors.run(topic, config, 1);

        TDengineTarget td = env.tdengine();
        String table = topic + ".`rich meters`";
        await().atMost(Duration.ofSeconds(30)).until(() -> td.count(table) == 2);

        Map<String, String> expectedTypes = new TreeMap<>();
        expectedTypes.put("device__id", "NCHAR TAG");
        expectedTypes.put("device__site__city", "NCHAR TAG");
        expectedTypes.put("device__site__zone", "VARCHAR");
        expectedTypes.put("flag", "BOOL");
        expectedTypes.put("tiny", "INT");
        expectedTypes.put("count", "BIGINT");
        expectedTypes.put("ratio", "FLOAT");
        expectedTypes.put("reading", "DOUBLE");
        expectedTypes.put("note", "VARCHAR");
        expectedTypes.put("maybe", "DOUBLE");
        expectedTypes.put("price", "DOUBLE");
        expectedTypes.put("day", "BIGINT");
        expectedTypes.put("time_of_day", "BIGINT");
        expectedTypes.put("seen_at", "BIGINT");
        expectedTypes.put("level", "VARCHAR");
        expectedTypes.put("attrs__unit", "VARCHAR");
        expectedTypes.put("attrs__fw", "VARCHAR");
        assertThat(columnTypes(td, table))
                .as("columns of %s: the configured tags are the only tags, event_time is the row timestamp", table)
                .isEqualTo(expectedTypes);

        List<Map<String, Object>> rows = rowsByTime(td, table);
        assertThat(rows).hasSize(2);
        Map<String, Object> row = rows.get(0);
        assertThat(nanos(row)).isEqualTo(1_700_000_000_123L * NANOS_PER_MILLI);
        assertThat(text(row.get("device__id"))).isEqualTo("dev-1");
        assertThat(text(row.get("device__site__city"))).isEqualTo("San Francisco, CA=US");
        assertThat(text(row.get("device__site__zone"))).isEqualTo("north");
        assertThat(row.get("flag")).isEqualTo(true);
        assertThat(row.get("tiny")).isEqualTo(7);
        assertThat(row.get("count")).isEqualTo(9_000_000_000L);
        assertThat(number(row.get("ratio")).floatValue()).isEqualTo(0.25f);
        assertThat(row.get("reading")).isEqualTo(10.3);
        assertThat(text(row.get("note"))).isEqualTo("he said \"hi\", x=1 \\o/");
        assertThat(row.get("maybe")).isEqualTo(1.5);
        assertThat(row.get("price")).isEqualTo(12.34);
        assertThat(row.get("day"))
                .as("Date in the output precision (ns)")
                .isEqualTo(LocalDate.of(2023, 11, 14).toEpochDay() * NANOS_PER_DAY);
        assertThat(row.get("time_of_day"))
                .as("Time since midnight in ns")
                .isEqualTo(LocalTime.of(1, 2, 3, 456_000_000).toNanoOfDay());
        assertThat(row.get("seen_at")).isEqualTo(1_699_999_999_000L * NANOS_PER_MILLI);
        assertThat(text(row.get("level"))).isEqualTo("HIGH");
        assertThat(text(row.get("attrs__unit"))).isEqualTo("A");
        assertThat(text(row.get("attrs__fw"))).isEqualTo("1.2");

        row = rows.get(1);
        assertThat(nanos(row)).isEqualTo(1_700_000_001_000L * NANOS_PER_MILLI);
        assertThat(text(row.get("device__id"))).isEqualTo("dev \"2\"");
        assertThat(text(row.get("device__site__city"))).isEqualTo("C:\\data\\in");
        assertThat(row.get("flag")).isEqualTo(false);
        assertThat(row.get("tiny")).isEqualTo(-3);
        assertThat(row.get("count")).isEqualTo(-1L);
        assertThat(number(row.get("ratio")).floatValue()).isEqualTo(-1.5f);
        assertThat(row.get("reading")).isEqualTo(0.0);
        assertThat(text(row.get("note"))).isEqualTo("trailing backslash \\");
        assertThat(row.get("price")).isEqualTo(-0.5);
        assertThat(text(row.get("level"))).isEqualTo("LOW");
        assertThat(text(row.get("attrs__unit"))).isEqualTo("V");
        assertThat(row)
                .as("null and absent values are skipped, not written")
                .containsEntry("device__site__zone", null)
                .containsEntry("maybe", null)
                .containsEntry("seen_at", null)
                .containsEntry("attrs__fw", null);

        JsonNode subjects = stack.confluentGet("/subjects");
        assertThat(subjects)
                .extracting(JsonNode::asText)
                .as("subjects in the registry")
                .contains(topic + "-value");
        JsonNode latest = stack.confluentGet("/subjects/" + topic + "-value/versions/latest");
        org.apache.avro.Schema registered =
                new org.apache.avro.Schema.Parser().parse(latest.path("schema").asText());
        assertThat(registered.getFullName()).isEqualTo("com.taosdata.kafka.connect.samples.rich");
        assertThat(registered.getFields())
                .extracting(org.apache.avro.Schema.Field::name)
                .containsExactlyElementsOf(sampleSchema("rich.avsc").getFields().stream()
                        .map(org.apache.avro.Schema.Field::name)
                        .toList());
    }

    @Test
    void poisonRecordsGoToTheDeadLetterQueueNamingTheFieldAndTheRestLands() throws Exception {
        String topic = ItEnvironment.unique("avro_poison");
        String dlq = topic + "_dlq";
        env.broker().createTopic(topic, 1);
        Schema meters = connectSchema("meters.avsc");
        Schema readings = connectSchema("readings-with-array.avsc");
        long t0 = 1_700_000_000_000L;

        Struct withArray = new Struct(readings)
                .put("ts", new Date(t0 + 100))
                .put("location", "Lyon")
                .put("current", 1.0)
                .put("samples", List.of(1.0, 2.0));
        // Also has an array, but the timestamp is resolved when the record is taken apart, before any value is
        // encoded, so the missing timestamp is what this record is rejected for.
        Struct withoutTimestamp =
                new Struct(readings).put("location", "Nice").put("current", 2.0).put("samples", List.of());
        List<byte[]> values = new ArrayList<>();
        values.add(serialize(topic, meters, meter(meters, t0, "California.SanFrancisco", 2, 10.3)));
        values.add(serialize(topic, meters, meter(meters, t0 + 1, "California.SanFrancisco", 2, 10.4)));
        values.add(serialize(topic, readings, withArray));
        values.add(serialize(topic, meters, meter(meters, t0 + 2, "California.LosAngeles", 3, 11.0)));
        values.add(serialize(topic, readings, withoutTimestamp));
        values.add(serialize(topic, meters, meter(meters, t0 + 3, "California.LosAngeles", 3, 11.5)));
        env.broker().produceBytes(topic, 0, values);
        Map<Long, String> poisonFields = Map.of(2L, "samples", 4L, "ts");

        Map<String, String> config = avroSink(topic, topic);
        config.put("transforms", "toLine");
        config.put("transforms.toLine.type", LINE_SMT);
        config.put("transforms.toLine.measurement", "meters");
        config.put("transforms.toLine.tags", "location,group_id");
        config.put("transforms.toLine.timestamp.field", "ts");
        SinkConfigs.deadLetterQueue(config, dlq);
        connectors.run(topic, config, 1);

        TDengineTarget td = env.tdengine();
        await().atMost(Duration.ofSeconds(30)).until(() -> td.count(topic + ".meters") == 4);
        List<ConsumerRecord<byte[], byte[]>> deadLettered =
                env.broker().consume(dlq, poisonFields.size(), Duration.ofSeconds(30));

        Map<Long, String> reasons = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> record : deadLettered) {
            assertThat(header(record, "__connect.errors.stage")).isEqualTo("TRANSFORMATION");
            assertThat(header(record, "__connect.errors.class.name")).isEqualTo(LINE_SMT);
            reasons.put(
                    Long.parseLong(header(record, "__connect.errors.offset")),
                    header(record, "__connect.errors.exception.message"));
        }
        assertThat(reasons.keySet())
                .as("exactly the poison records are dead-lettered")
                .isEqualTo(poisonFields.keySet());
        poisonFields.forEach((offset, field) -> assertThat(reasons.get(offset))
                .as("reason for the record at offset %s", offset)
                .contains("topic=" + topic + " partition=0 offset=" + offset + " field=" + field + ":"));

        List<Map<String, Object>> rows = rowsByTime(td, topic + ".meters");
        assertThat(rows)
                .extracting(SchemalessTables::nanos)
                .containsExactly(
                        t0 * NANOS_PER_MILLI,
                        (t0 + 1) * NANOS_PER_MILLI,
                        (t0 + 2) * NANOS_PER_MILLI,
                        (t0 + 3) * NANOS_PER_MILLI);
        assertThat(rows).extracting(r -> r.get("current")).containsExactly(10.3, 10.4, 11.0, 11.5);
        assertThat(rows)
                .extracting(r -> text(r.get("location")) + "/" + text(r.get("group_id")))
                .containsExactly(
                        "California.SanFrancisco/2",
                        "California.SanFrancisco/2",
                        "California.LosAngeles/3",
                        "California.LosAngeles/3");
        assertThat(worker.rest().taskStates(topic)).containsOnly("RUNNING");
    }

    private static Struct rich(Schema schema, long eventTimeMillis, String deviceId, String city, String zone) {
        Schema device = schema.field("device").schema();
        Struct site =
                new Struct(device.field("site").schema()).put("city", city).put("zone", zone);
        Struct struct = new Struct(schema);
        struct.put("event_time", new Date(eventTimeMillis));
        struct.put("device", new Struct(device).put("id", deviceId).put("site", site));
        struct.put(
                "day",
                Date.from(
                        LocalDate.of(2023, 11, 14).atStartOfDay(ZoneOffset.UTC).toInstant()));
        struct.put("time_of_day", new Date(LocalTime.of(1, 2, 3, 456_000_000).toNanoOfDay() / NANOS_PER_MILLI));
        return struct;
    }

    private static Struct meter(Schema schema, long ts, String location, int groupId, double current) {
        return new Struct(schema)
                .put("ts", new Date(ts))
                .put("location", location)
                .put("group_id", groupId)
                .put("current", current)
                .put("voltage", 220.0)
                .put("phase", 0.31);
    }

    /** The harness's line sink, reading Confluent-wire-format Avro through the registry. */
    private Map<String, String> avroSink(String topic, String database) {
        Map<String, String> config = SinkConfigs.sink(env.tdengine(), topic, database);
        config.put("value.converter", AvroStack.CONVERTER_CLASS);
        config.putAll(stack.converterSettings("value.converter."));
        return config;
    }

    /** Serializes like a Connect-based Avro producer: registers the schema (subject {@code <topic>-value}) and writes the Confluent wire format. */
    private static byte[] serialize(String topic, Schema schema, Struct value) {
        return producerConverter.fromConnectData(topic, schema, value);
    }

    /** The Connect schema Apicurio's converter derives from one of the project's sample Avro schemas. */
    private static Schema connectSchema(String file) throws IOException {
        return new AvroData(16).toConnectSchema(sampleSchema(file));
    }

    private static org.apache.avro.Schema sampleSchema(String file) throws IOException {
        // The samples ship in module schemas, the same files the docs and benchmarks use.
        try (InputStream in = AvroSchemaRegistryIT.class.getResourceAsStream("/schemas/avro/" + file)) {
            if (in == null) {
                throw new IOException("sample schema " + file + " is not on the classpath");
            }
            return new org.apache.avro.Schema.Parser().parse(in);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        assertThat(header).as("DLQ header %s", key).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
