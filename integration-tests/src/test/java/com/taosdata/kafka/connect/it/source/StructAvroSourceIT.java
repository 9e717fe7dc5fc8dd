package com.taosdata.kafka.connect.it.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.taosdata.kafka.connect.it.harness.AvroStack;
import com.taosdata.kafka.connect.it.harness.ConnectWorker;
import com.taosdata.kafka.connect.it.harness.Connectors;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import io.apicurio.registry.utils.converter.AvroConverter;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code out.format=struct} through a real Schema Registry: a worker converts the source's Structs with Apicurio's
 * AvroConverter (Confluent wire format, schema auto-registered), and the test reads them back with the same
 * converter. The schema is registered under {@code <topic>-value}, and every field has the Connect type the
 * type mapping of docs/source.md gives its TDengine type, with the inserted value — unsigned values beyond the signed
 * range of their width included.
 */
class StructAvroSourceIT {

    private static final String STABLE = "sensors";

    private static ItEnvironment env;
    private static AvroStack stack;
    private static ConnectWorker worker;

    @RegisterExtension
    @Order(1)
    final Databases databases = new Databases(ItEnvironment.get().tdengine());

    @RegisterExtension
    @Order(2)
    final Connectors connectors = new Connectors(() -> worker.rest());

    @BeforeAll
    static void startRegistryAndAvroWorker() throws Exception {
        env = ItEnvironment.get();
        stack = AvroStack.start(ItEnvironment.unique("connect-src-avro"));
        worker = stack.worker();
    }

    @AfterAll
    static void stopRegistryAndAvroWorker() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void structRowsAreRegisteredAndReadBackWithTheMappedTypesAndValues() throws Exception {
        TDengineTarget td = env.tdengine();
        String database = databases.add(ItEnvironment.unique("src_struct"));
        String prefix = ItEnvironment.unique("tds");
        String topic = SourceConfigs.topic(prefix, database, STABLE);
        long base = Meters.baseTs();
        long seen = base - 86_400_000L;
        td.execute("CREATE DATABASE `" + database + "` PRECISION 'ms'");
        td.execute("CREATE STABLE `" + database + "`.`" + STABLE + "` (`ts` TIMESTAMP, `flag` BOOL, `tiny` TINYINT, "
                + "`small` SMALLINT, `num` INT, `big` BIGINT, `utiny` TINYINT UNSIGNED, `usmall` SMALLINT UNSIGNED, "
                + "`unum` INT UNSIGNED, `ubig` BIGINT UNSIGNED, `ratio` FLOAT, `reading` DOUBLE, `label` VARCHAR(32), "
                + "`note` NCHAR(32), `seen` TIMESTAMP) TAGS (`location` NCHAR(32), `groupid` INT)");
        td.execute("INSERT INTO `" + database + "`.`d1` USING `" + database + "`.`" + STABLE
                + "` TAGS ('Zürich', 7) VALUES "
                + "(" + base + ", true, -100, -30000, -2000000000, -9000000000000000000, 250, 65000, 4000000000, "
                + "18000000000000000000, 0.5, 123.456, 'say \"hi\"', 'Grüße', " + seen + ") "
                + "(" + (base + 1)
                + ", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
        td.execute(
                "INSERT INTO `" + database + "`.`d2` USING `" + database + "`.`" + STABLE + "` TAGS ('Bern', 8) VALUES "
                        + "(" + base + ", false, 1, 2, 3, 4, 5, 6, 7, 8, -1.25, -0.001, 'b', 'n', " + base + ")");

        Map<String, String> config = SourceConfigs.query(td, database, STABLE, prefix, "struct");
        config.put("value.converter", AvroStack.CONVERTER_CLASS);
        config.putAll(stack.converterSettings("value.converter."));
        connectors.run(prefix, config, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> env.broker().topics().contains(topic));

        List<ConsumerRecord<byte[], byte[]>> records;
        try (TopicReader reader =
                new TopicReader(env.broker().bootstrapServers(), topic, IsolationLevel.READ_UNCOMMITTED)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.count() >= 3);
            records = reader.poll();
        }
        assertThat(records).hasSize(3);

        Map<String, List<Struct>> byTable = new LinkedHashMap<>();
        AvroConverter<Object> converter = stack.newConverter();
        try {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                SchemaAndValue read = converter.toConnectData(topic, record.value());
                assertThat(read.value())
                        .as("value of %s", QuerySourceIT.key(record))
                        .isInstanceOf(Struct.class);
                Struct struct = (Struct) read.value();
                assertThat(struct.getString("tbname"))
                        .as("tbname field = record key")
                        .isEqualTo(QuerySourceIT.key(record));
                byTable.computeIfAbsent(struct.getString("tbname"), k -> new ArrayList<>())
                        .add(struct);
            }
        } finally {
            converter.close();
        }
        assertThat(byTable.keySet()).containsExactlyInAnyOrder("d1", "d2");

        Struct full = byTable.get("d1").get(0);
        assertSchema(full.schema(), database);
        assertThat(full.get("ts")).isEqualTo(new Date(base));
        assertThat(full.get("flag")).isEqualTo(true);
        assertThat(full.get("tiny")).isEqualTo((byte) -100);
        assertThat(full.get("small")).isEqualTo((short) -30000);
        assertThat(full.get("num")).isEqualTo(-2_000_000_000);
        assertThat(full.get("big")).isEqualTo(-9_000_000_000_000_000_000L);
        assertThat(full.get("utiny")).as("TINYINT UNSIGNED beyond INT8").isEqualTo((short) 250);
        assertThat(full.get("usmall")).as("SMALLINT UNSIGNED beyond INT16").isEqualTo(65000);
        assertThat(full.get("unum")).as("INT UNSIGNED beyond INT32").isEqualTo(4_000_000_000L);
        assertThat(full.get("ubig"))
                .as("BIGINT UNSIGNED beyond INT64")
                .isEqualTo(new BigDecimal("18000000000000000000"));
        assertThat(full.get("ratio")).isEqualTo(0.5f);
        assertThat(full.get("reading")).isEqualTo(123.456);
        assertThat(full.get("label")).isEqualTo("say \"hi\"");
        assertThat(full.get("note")).isEqualTo("Grüße");
        assertThat(full.get("seen")).isEqualTo(new Date(seen));
        assertThat(full.get("location")).isEqualTo("Zürich");
        assertThat(full.get("groupid")).isEqualTo(7);

        Struct nulls = byTable.get("d1").get(1);
        assertThat(nulls.get("ts")).isEqualTo(new Date(base + 1));
        for (String column : List.of(
                "flag", "tiny", "small", "num", "big", "utiny", "usmall", "unum", "ubig", "ratio", "reading", "label",
                "note", "seen")) {
            assertThat(nulls.get(column)).as("NULL column %s", column).isNull();
        }
        assertThat(nulls.get("location")).isEqualTo("Zürich");

        Struct other = byTable.get("d2").get(0);
        assertThat(List.of(
                        other.get("flag"),
                        other.get("tiny"),
                        other.get("small"),
                        other.get("num"),
                        other.get("big"),
                        other.get("utiny"),
                        other.get("usmall"),
                        other.get("unum"),
                        other.get("ubig"),
                        other.get("ratio"),
                        other.get("reading"),
                        other.get("label"),
                        other.get("note"),
                        other.get("seen"),
                        other.get("location"),
                        other.get("groupid")))
                .containsExactly(
                        false,
                        (byte) 1,
                        (short) 2,
                        3,
                        4L,
                        (short) 5,
                        6,
                        7L,
                        new BigDecimal("8"),
                        -1.25f,
                        -0.001,
                        "b",
                        "n",
                        new Date(base),
                        "Bern",
                        8);

        assertRegistered(topic, database);
    }

    /** The Connect schema as the converter gives it back: DESCRIBE order, docs/source.md type mapping, only ts required. */
    private static void assertSchema(Schema schema, String database) {
        assertThat(schema.name()).isEqualTo("tdengine." + database + "." + STABLE);
        assertThat(schema.fields())
                .extracting(Field::name)
                .containsExactly(
                        "tbname",
                        "ts",
                        "flag",
                        "tiny",
                        "small",
                        "num",
                        "big",
                        "utiny",
                        "usmall",
                        "unum",
                        "ubig",
                        "ratio",
                        "reading",
                        "label",
                        "note",
                        "seen",
                        "location",
                        "groupid");
        Map<String, String> types = new LinkedHashMap<>();
        for (Field field : schema.fields()) {
            Schema s = field.schema();
            types.put(field.name(), (s.name() == null ? s.type().toString() : s.name()) + (s.isOptional() ? "?" : ""));
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("tbname", "STRING");
        expected.put("ts", Timestamp.LOGICAL_NAME);
        expected.put("flag", "BOOLEAN?");
        expected.put("tiny", "INT8?");
        expected.put("small", "INT16?");
        expected.put("num", "INT32?");
        expected.put("big", "INT64?");
        expected.put("utiny", "INT16?");
        expected.put("usmall", "INT32?");
        expected.put("unum", "INT64?");
        expected.put("ubig", Decimal.LOGICAL_NAME + "?");
        expected.put("ratio", "FLOAT32?");
        expected.put("reading", "FLOAT64?");
        expected.put("label", "STRING?");
        expected.put("note", "STRING?");
        expected.put("seen", Timestamp.LOGICAL_NAME + "?");
        expected.put("location", "STRING?");
        expected.put("groupid", "INT32?");
        assertThat(types).as("field types (? = optional)").containsExactlyEntriesOf(expected);
        assertThat(schema.field("ubig").schema().parameters())
                .as("BIGINT UNSIGNED as a Decimal of scale 0")
                .containsEntry(Decimal.SCALE_FIELD, "0");
        // docs/source.md: every field schema carries its TDengine type in parameter tdengine.type.
        assertThat(schema.field("unum").schema().parameters()).containsEntry("tdengine.type", "INT UNSIGNED");
        assertThat(schema.field("note").schema().parameters()).containsEntry("tdengine.type", "NCHAR(32)");
        assertThat(schema.field("location").schema().parameters()).containsEntry("tdengine.type", "NCHAR(32)");
    }

    private static void assertRegistered(String topic, String database) throws IOException, InterruptedException {
        JsonNode subjects = stack.confluentGet("/subjects");
        assertThat(subjects)
                .extracting(JsonNode::asText)
                .as("subjects in the registry")
                .contains(topic + "-value");
        JsonNode latest = stack.confluentGet("/subjects/" + topic + "-value/versions/latest");
        org.apache.avro.Schema registered =
                new org.apache.avro.Schema.Parser().parse(latest.path("schema").asText());
        assertThat(registered.getFullName()).isEqualTo("tdengine." + database + "." + STABLE);
        assertThat(registered.getFields())
                .extracting(org.apache.avro.Schema.Field::name)
                .containsExactly(
                        "tbname",
                        "ts",
                        "flag",
                        "tiny",
                        "small",
                        "num",
                        "big",
                        "utiny",
                        "usmall",
                        "unum",
                        "ubig",
                        "ratio",
                        "reading",
                        "label",
                        "note",
                        "seen",
                        "location",
                        "groupid");
    }
}
