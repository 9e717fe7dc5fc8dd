package com.taosdata.kafka.connect.it.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.taosdata.kafka.connect.it.harness.AvroStack;
import com.taosdata.kafka.connect.it.harness.ConnectWorker;
import com.taosdata.kafka.connect.it.harness.Connectors;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import io.apicurio.registry.utils.converter.AvroConverter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code write.method=stmt}: Avro records from a registry written with their types into super tables, by
 * configuration alone, over whichever transport {@code TDENGINE_URL} names (the stand-in over REST in CI).
 */
class TypedWritesIT {

    private static final long T0 = 1_796_316_133_000L;
    private static final Schema METER_V1 = SchemaBuilder.struct()
            .name("meter")
            .field("ts", Timestamp.SCHEMA)
            .field("current", Schema.FLOAT32_SCHEMA)
            .field("voltage", Schema.INT32_SCHEMA)
            .field("location", Schema.STRING_SCHEMA)
            .field("groupid", Schema.INT32_SCHEMA)
            .build();
    /** V1 and a new optional field, as a compatible schema change in the registry. */
    private static final Schema METER_V2 = SchemaBuilder.struct()
            .name("meter")
            .field("ts", Timestamp.SCHEMA)
            .field("current", Schema.FLOAT32_SCHEMA)
            .field("voltage", Schema.INT32_SCHEMA)
            .field("location", Schema.STRING_SCHEMA)
            .field("groupid", Schema.INT32_SCHEMA)
            .field("phase", Schema.OPTIONAL_FLOAT64_SCHEMA)
            .build();

    private static ItEnvironment env;
    private static AvroStack stack;
    private static ConnectWorker worker;
    private static AvroConverter<Object> producer;

    @RegisterExtension
    final Connectors connectors = new Connectors(() -> worker.rest());

    @BeforeAll
    static void startRegistryAndAvroWorker() throws Exception {
        env = ItEnvironment.get();
        stack = AvroStack.start(ItEnvironment.unique("connect-typed"));
        worker = stack.worker();
        producer = stack.newConverter();
    }

    @AfterAll
    static void stopRegistryAndAvroWorker() throws Exception {
        if (producer != null) {
            producer.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theShippedSampleFillsAPreCreatedSuperTableWithTypedTagsAndNamedChildTables() throws Exception {
        TDengineTarget td = env.tdengine();
        String topic = topicWithMeters(
                "typed_pre",
                "(ts TIMESTAMP, current FLOAT, voltage INT, phase FLOAT) TAGS (location VARCHAR(32), groupid INT)");
        produce(
                topic,
                meter(METER_V1, T0, 10.3f, 219, "California.SanFrancisco", 2),
                meter(METER_V1, T0 + 1, 12.6f, 218, "California.LosAngeles", 3),
                meter(METER_V1, T0 + 2, 10.8f, 221, "California.SanFrancisco", 2));

        // The shipped sample, pointed at this test's broker topic, database, registry and TDengine.
        Map<String, String> config = SinkConfigs.shipped("sink-typed-avro.properties");
        config.putAll(env.tdengine().connectionConfig());
        config.putAll(stack.converterSettings("value.converter."));
        config.remove("name");
        config.put("topics", topic);
        config.put("connection.database", topic);
        config.put("errors.deadletterqueue.topic.name", topic + "_dlq");
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        connectors.run(topic, config, 1);

        await().atMost(Duration.ofSeconds(60)).until(() -> td.count(topic + ".meters") == 3);
        List<Map<String, Object>> rows = td.query(
                "SELECT tbname, ts, current, voltage, phase, location, groupid FROM " + topic + ".meters ORDER BY ts");
        assertThat(rows)
                .extracting(r -> text(r.get("tbname")) + " " + TDengineTarget.epochNanos(r.get("ts")) / 1_000_000
                        + " " + r.get("current") + " " + r.get("voltage") + " " + r.get("phase") + " "
                        + text(r.get("location")) + " " + r.get("groupid"))
                .containsExactly(
                        "d2 " + T0 + " 10.3 219 null California.SanFrancisco 2",
                        "d3 " + (T0 + 1) + " 12.6 218 null California.LosAngeles 3",
                        "d2 " + (T0 + 2) + " 10.8 221 null California.SanFrancisco 2");
        assertThat(rows.get(0).get("groupid")).as("the tag keeps its INT type").isInstanceOf(Integer.class);
        assertThat(worker.rest().taskStates(topic)).containsOnly("RUNNING");
    }

    @Test
    void autoCreateMakesTheTableFromTheSchemaAndAutoEvolveAddsANewOptionalField() throws Exception {
        String topic = ItEnvironment.unique("typed_auto");
        TDengineTarget td = env.tdengine();
        env.broker().createTopic(topic, 1);
        produce(topic, meter(METER_V1, T0, 1.5f, 220, "a", 1));

        Map<String, String> config = typedSink(topic);
        config.put("auto.create", "true");
        config.put("auto.evolve", "true");
        connectors.run(topic, config, 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> td.count(topic + "." + topic) == 1);

        produce(topic, meter(METER_V2, T0 + 1, 2.5f, 221, "a", 1).put("phase", 0.25));
        await().atMost(Duration.ofSeconds(60)).until(() -> td.count(topic + "." + topic) == 2);
        // The table as altered is known now: the task converts this record itself, into the added column too.
        produce(topic, meter(METER_V2, T0 + 2, 3.5f, 222, "a", 1).put("phase", 0.5));
        await().atMost(Duration.ofSeconds(60)).until(() -> td.count(topic + "." + topic) == 3);

        Map<String, String> types = new TreeMap<>();
        for (Map<String, Object> column : td.query("DESCRIBE " + topic + "." + topic)) {
            types.put(
                    text(column.get("field")),
                    text(column.get("type")) + ("TAG".equals(text(column.get("note"))) ? " TAG" : ""));
        }
        assertThat(types)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "ts",
                        "TIMESTAMP",
                        "current",
                        "FLOAT",
                        "voltage",
                        "INT",
                        "phase",
                        "DOUBLE",
                        "location",
                        "VARCHAR TAG",
                        "groupid",
                        "INT TAG"));
        List<Map<String, Object>> rows = td.query("SELECT ts, phase FROM " + topic + "." + topic + " ORDER BY ts");
        assertThat(rows)
                .extracting(r -> r.get("phase"))
                .as("the older row reads NULL in the added column")
                .containsExactly(null, 0.25, 0.5);
    }

    @Test
    void twoTasksRacingToCreateAndEvolveTheSameSuperTableBothSucceed() throws Exception {
        String topic = ItEnvironment.unique("typed_race");
        TDengineTarget td = env.tdengine();
        env.broker().createTopic(topic, 2);
        // Both partitions start with the same new schema, so both tasks create (and then alter) the table at once.
        for (int partition = 0; partition < 2; partition++) {
            List<byte[]> values = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                long ts = T0 + 2L * i + partition;
                values.add(serialize(
                        topic,
                        i < 25
                                ? meter(METER_V1, ts, i, 220, "p" + partition, partition)
                                : meter(METER_V2, ts, i, 220, "p" + partition, partition)
                                        .put("phase", 0.5)));
            }
            env.broker().produceBytes(topic, partition, values);
        }

        Map<String, String> config = typedSink(topic);
        config.put("tasks.max", "2");
        config.put("auto.create", "true");
        config.put("auto.evolve", "true");
        connectors.run(topic, config, 2);

        await().atMost(Duration.ofSeconds(60)).until(() -> td.count(topic + "." + topic) == 100);
        assertThat(td.query("SELECT COUNT(phase) AS c FROM " + topic + "." + topic))
                .singleElement()
                .satisfies(r -> assertThat(((Number) r.get("c")).longValue()).isEqualTo(50));
        assertThat(worker.rest().taskStates(topic)).containsExactly("RUNNING", "RUNNING");
    }

    @Test
    void aValueThatDoesNotFitItsColumnIsDeadLetteredNamingFieldAndColumnAndTheOthersAreWritten() throws Exception {
        TDengineTarget td = env.tdengine();
        String topic = topicWithMeters(
                "typed_dlq",
                "(ts TIMESTAMP, current FLOAT, voltage SMALLINT) TAGS (location VARCHAR(8), groupid TINYINT)");
        String dlq = topic + "_dlq";
        produce(
                topic,
                meter(METER_V1, T0, 1f, 220, "a", 1),
                meter(METER_V1, T0 + 1, 2f, 220, "a", 300),
                meter(METER_V1, T0 + 2, 3f, 220, "far too long", 1),
                meter(METER_V1, T0 + 3, 4f, 220, "a", 1));

        Map<String, String> config = typedSink(topic);
        config.put("table.name.format", "meters");
        SinkConfigs.deadLetterQueue(config, dlq);
        connectors.run(topic, config, 1);

        List<ConsumerRecord<byte[], byte[]>> deadLettered = env.broker().consume(dlq, 2, Duration.ofSeconds(60));
        Map<String, String> reasons = deadLettered.stream()
                .collect(Collectors.toMap(
                        r -> header(r, "__connect.errors.offset"),
                        r -> header(r, "__connect.errors.exception.message")));
        assertThat(reasons).containsOnlyKeys("1", "2");
        assertThat(reasons.get("1")).contains("groupid", "300", "tag groupid TINYINT");
        assertThat(reasons.get("2")).contains("location", "far too long", "tag location VARCHAR(8)");
        await().atMost(Duration.ofSeconds(30)).until(() -> td.count(topic + ".meters") == 2);
        assertThat(td.query("SELECT current FROM " + topic + ".meters ORDER BY ts"))
                .extracting(r -> r.get("current"))
                .containsExactly(1.0f, 4.0f);

        // The table is known now: the task itself refuses a value that does not fit, and writes the next record.
        produce(topic, meter(METER_V1, T0 + 4, 5f, 70_000, "a", 1), meter(METER_V1, T0 + 5, 6f, 220, "a", 1));
        List<ConsumerRecord<byte[], byte[]>> later = env.broker().consume(dlq, 3, Duration.ofSeconds(60));
        assertThat(header(later.get(2), "__connect.errors.offset")).isEqualTo("4");
        assertThat(header(later.get(2), "__connect.errors.exception.message"))
                .contains("voltage", "70000", "voltage SMALLINT");
        await().atMost(Duration.ofSeconds(30)).until(() -> td.count(topic + ".meters") == 3);
        assertThat(worker.rest().taskStates(topic)).containsOnly("RUNNING");
    }

    @Test
    void aChildTableDroppedWhileTheSinkWritesIsCreatedAgainAndADroppedSuperTableFailsTheTask() throws Exception {
        TDengineTarget td = env.tdengine();
        String topic = topicWithMeters(
                "typed_drop", "(ts TIMESTAMP, current FLOAT, voltage INT) TAGS (location VARCHAR(32), groupid INT)");
        produce(topic, meter(METER_V1, T0, 1f, 220, "a", 2), meter(METER_V1, T0 + 1, 2f, 220, "b", 3));
        Map<String, String> config = typedSink(topic);
        config.put("table.name.format", "meters");
        config.put("child.table.name.format", "d${groupid}");
        connectors.run(topic, config, 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> td.count(topic + ".meters") == 2);

        // The task has written into d2 and d3 and names them without their super table from now on.
        td.execute("DROP TABLE " + topic + ".d2");
        produce(topic, meter(METER_V1, T0 + 2, 3f, 220, "a", 2), meter(METER_V1, T0 + 3, 4f, 220, "b", 3));
        await().atMost(Duration.ofSeconds(60)).until(() -> td.count(topic + ".meters") == 3);
        assertThat(td.query("SELECT tbname, current, location, groupid FROM " + topic + ".meters ORDER BY ts"))
                .extracting(r -> text(r.get("tbname")) + " " + r.get("current") + " " + text(r.get("location")) + " "
                        + r.get("groupid"))
                .containsExactly("d3 2.0 b 3", "d2 3.0 a 2", "d3 4.0 b 3");
        assertThat(worker.rest().taskStates(topic)).containsOnly("RUNNING");

        td.execute("DROP STABLE " + topic + ".meters");
        produce(topic, meter(METER_V1, T0 + 4, 5f, 220, "a", 2));
        assertThat(worker.rest().awaitTaskFailure(topic, Duration.ofSeconds(60)))
                .contains("a super table the sink writes into was dropped", "Table does not exist");
    }

    @Test
    void validationAsksTheServerWhetherTheSuperTableExistsWhenTheSinkMayNotCreateIt() {
        String topic = ItEnvironment.unique("typed_missing");
        TDengineTarget td = env.tdengine();
        td.execute("CREATE DATABASE " + topic + " PRECISION 'ms'");
        td.execute("CREATE STABLE " + topic + ".present (ts TIMESTAMP, current FLOAT) TAGS (groupid INT)");
        Map<String, String> config = typedSink(topic);
        config.put("name", topic);

        config.put("table.name.format", "absent");
        assertThat(validationErrors(config)).containsOnlyKeys("table.name.format");
        assertThat(validationErrors(config).get("table.name.format"))
                .contains("writes into super table " + topic + ".absent, which does not exist", "auto.create=true");

        config.put("table.name.format", "present");
        assertThat(validationErrors(config)).isEmpty();
        config.put("table.name.format", "absent");
        config.put("auto.create", "true");
        assertThat(validationErrors(config)).isEmpty();
    }

    /**
     * A new one-partition topic and a millisecond database of its name holding super table {@code meters} of
     * {@code definition}.
     */
    private static String topicWithMeters(String prefix, String definition) {
        String topic = ItEnvironment.unique(prefix);
        env.tdengine().execute("CREATE DATABASE " + topic + " PRECISION 'ms'");
        env.tdengine().execute("CREATE STABLE " + topic + ".meters " + definition);
        env.broker().createTopic(topic, 1);
        return topic;
    }

    private static Map<String, String> validationErrors(Map<String, String> config) {
        return worker.rest().validationErrors(SinkConfigs.SINK_CLASS, config);
    }

    private Map<String, String> typedSink(String topic) {
        Map<String, String> config = SinkConfigs.sink(env.tdengine(), topic, topic);
        config.remove("db.schemaless");
        config.put("write.method", "stmt");
        config.put("data.precision", "ms");
        config.put("tags", "location,groupid");
        config.put("timestamp.field", "ts");
        config.put("value.converter", AvroStack.CONVERTER_CLASS);
        config.putAll(stack.converterSettings("value.converter."));
        return config;
    }

    private static Struct meter(Schema schema, long ts, float current, int voltage, String location, int groupid) {
        return new Struct(schema)
                .put("ts", new Date(ts))
                .put("current", current)
                .put("voltage", voltage)
                .put("location", location)
                .put("groupid", groupid);
    }

    /** Produces {@code values} to partition 0 of {@code topic}, as an Avro producer using the registry would. */
    private static void produce(String topic, Struct... values) {
        List<byte[]> serialized = new ArrayList<>();
        for (Struct value : values) {
            serialized.add(serialize(topic, value));
        }
        env.broker().produceBytes(topic, 0, serialized);
    }

    private static byte[] serialize(String topic, Struct value) {
        return producer.fromConnectData(topic, value.schema(), value);
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
