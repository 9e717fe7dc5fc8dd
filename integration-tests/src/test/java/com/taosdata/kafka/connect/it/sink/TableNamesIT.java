package com.taosdata.kafka.connect.it.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.taosdata.kafka.connect.it.harness.Connectors;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Readable child table names ({@code table.name.tag}, the SMTs' {@code table.name.field}), {@code table.ttl}, and
 * Kafka topic names with dots and hyphens routed to databases. The table name tag exists over REST only (the
 * stand-in, or {@code TDENGINE_URL=jdbc:TAOS-RS://…}); over native and WebSocket its refusal is checked instead.
 */
class TableNamesIT {

    private static final long T0_MS = 1_700_000_000_000L;

    private static ItEnvironment env;

    @RegisterExtension
    final Connectors connectors = new Connectors(() -> env.worker().rest());

    @BeforeAll
    static void setUp() {
        env = ItEnvironment.get();
    }

    private static boolean overRest() {
        return env.tdengine().isRest();
    }

    @Test
    void aTableNameTagNamesTheChildTablesWhichShowTablesLists() {
        assumeTrue(overRest(), "table.name.tag is refused over native and WebSocket");
        String topic = ItEnvironment.unique("named");
        env.broker().createTopic(topic, 1);
        Map<String, String> config = SinkConfigs.sink(env.tdengine(), topic, topic);
        config.put("data.precision", "ms");
        config.put("table.name.tag", "device");
        config.put("table.ttl", "7");
        connectors.run(topic, config, 1);

        env.broker()
                .produce(
                        topic,
                        List.of(
                                "meters,device=d1001,location=SF current=10.3 " + T0_MS,
                                "meters,device=d1002,location=LA current=11.8 " + T0_MS,
                                "meters,device=d1001,location=SF current=12.1 " + (T0_MS + 1)));

        TDengineTarget td = env.tdengine();
        await().atMost(Duration.ofSeconds(60)).until(() -> td.count(topic + ".meters") == 3);
        assertThat(td.query("SHOW " + topic + ".TABLES"))
                .extracting(r -> text(r.get("table_name")))
                .containsExactlyInAnyOrder("d1001", "d1002");
        assertThat(td.query("SELECT COUNT(*) AS n FROM " + topic + ".d1001"))
                .singleElement()
                .satisfies(r -> assertThat(((Number) r.get("n")).longValue()).isEqualTo(2L));
        assertThat(td.query("DESCRIBE " + topic + ".meters"))
                .extracting(r -> text(r.get("field")))
                .contains("location")
                .doesNotContain("device");
        assertThat(td.query(
                        "SELECT table_name, `ttl` FROM information_schema.ins_tables WHERE db_name = '" + topic + "'"))
                .extracting(r -> ((Number) r.get("ttl")).intValue())
                .containsOnly(7);
    }

    @Test
    void aNameTakenByAnotherSuperTablesTableDeadLettersThatRecordOnly() {
        assumeTrue(overRest(), "table.name.tag is refused over native and WebSocket");
        String topic = ItEnvironment.unique("taken");
        String dlq = topic + "_dlq";
        env.broker().createTopic(topic, 1);
        Map<String, String> config = SinkConfigs.sink(env.tdengine(), topic, topic);
        config.put("data.precision", "ms");
        config.put("table.name.tag", "device");
        SinkConfigs.deadLetterQueue(config, dlq);
        connectors.run(topic, config, 1);

        env.broker()
                .produce(
                        topic,
                        List.of(
                                "meters,device=d1001,location=SF current=10.3 " + T0_MS,
                                "voltages,device=d1001,location=SF volts=220 " + T0_MS,
                                "meters,device=d1002,location=LA current=11.8 " + T0_MS));

        TDengineTarget td = env.tdengine();
        List<ConsumerRecord<byte[], byte[]>> deadLettered = env.broker().consume(dlq, 1, Duration.ofSeconds(60));
        assertThat(deadLettered).singleElement().satisfies(record -> {
            Header reason = record.headers().lastHeader("__connect.errors.exception.message");
            assertThat(new String(reason.value(), StandardCharsets.UTF_8))
                    .contains("TDengine error 0x61d")
                    .contains("Table already exists in other stables");
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> td.count(topic + ".meters") == 2);
    }

    @Test
    void anSmtTableNameFieldLandsEachDeviceInItsOwnTable() {
        assumeTrue(overRest(), "table.name.tag is refused over native and WebSocket");
        String topic = ItEnvironment.unique("devices");
        env.broker().createTopic(topic, 1);
        Map<String, String> config = SinkConfigs.sink(env.tdengine(), topic, topic);
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        config.put("data.precision", "ms");
        config.put("table.name.tag", "device_id");
        config.put("transforms", "toLine");
        config.put("transforms.toLine.type", "com.taosdata.kafka.connect.transforms.ToLineProtocol$Value");
        config.put("transforms.toLine.measurement", "meters");
        config.put("transforms.toLine.table.name.field", "device_id");
        config.put("transforms.toLine.tags", "location");
        config.put("transforms.toLine.timestamp.field", "ts");
        config.put("transforms.toLine.precision", "ms");
        connectors.run(topic, config, 1);

        env.broker()
                .produce(
                        topic,
                        List.of(
                                "{\"ts\": " + T0_MS
                                        + ", \"device_id\": \"d1001\", \"location\": \"SF\", \"current\": 10.3}",
                                "{\"ts\": " + T0_MS
                                        + ", \"device_id\": \"d1002\", \"location\": \"LA\", \"current\": 11.8}"));

        TDengineTarget td = env.tdengine();
        await().atMost(Duration.ofSeconds(60)).until(() -> td.count(topic + ".meters") == 2);
        assertThat(td.query("SHOW " + topic + ".TABLES"))
                .extracting(r -> text(r.get("table_name")))
                .containsExactlyInAnyOrder("d1001", "d1002");
        assertThat(td.query("SELECT current FROM " + topic + ".d1002"))
                .singleElement()
                .satisfies(r ->
                        assertThat(((Number) r.get("current")).doubleValue()).isEqualTo(11.8));
    }

    @Test
    void tableTtlIsSetOverEveryTransport() {
        String topic = ItEnvironment.unique("ttl");
        env.broker().createTopic(topic, 1);
        Map<String, String> config = SinkConfigs.sink(env.tdengine(), topic, topic);
        config.put("data.precision", "ms");
        config.put("table.ttl", "30");
        connectors.run(topic, config, 1);

        env.broker().produce(topic, List.of("meters,location=SF current=10.3 " + T0_MS));

        TDengineTarget td = env.tdengine();
        await().atMost(Duration.ofSeconds(60)).until(() -> td.count(topic + ".meters") == 1);
        assertThat(td.query("SELECT `ttl` FROM information_schema.ins_tables WHERE db_name = '" + topic + "'"))
                .singleElement()
                .satisfies(r -> assertThat(((Number) r.get("ttl")).intValue()).isEqualTo(30));
    }

    @Test
    void overNativeAndWebSocketValidationRefusesTheTableNameTagNamingTheTransport() {
        assumeFalse(overRest(), "REST takes table.name.tag");
        Map<String, String> config = SinkConfigs.sink(env.tdengine(), "meters", "power");
        config.put("name", "table-name-tag");
        config.put("table.name.tag", "device");

        Map<String, String> errors = env.worker().rest().validationErrors(SinkConfigs.SINK_CLASS, config);
        assertThat(errors).containsOnlyKeys("table.name.tag");
        assertThat(errors.get("table.name.tag"))
                .contains("is not available over")
                .contains("jdbc:TAOS-RS://");
    }

    @Test
    void dottedAndHyphenatedTopicsWriteIntoDatabasesWithUnderscores() {
        String dotted = ItEnvironment.unique("iot.meters");
        String hyphenated = ItEnvironment.unique("site-1.power");
        env.broker().createTopic(dotted, 1);
        env.broker().createTopic(hyphenated, 1);
        Map<String, String> config = SinkConfigs.sink(env.tdengine(), dotted + "," + hyphenated, null);
        String name = ItEnvironment.unique("dotted");
        connectors.run(name, config, 1);

        env.broker().produce(dotted, List.of("m,src=a v=1i64 1648432611249000000"));
        env.broker()
                .produce(
                        hyphenated,
                        List.of("m,src=b v=2i64 1648432611249000000", "m,src=b v=3i64 1648432611250000000"));

        TDengineTarget td = env.tdengine();
        String first = dotted.replace('.', '_').toLowerCase(Locale.ROOT);
        String second = hyphenated.replace('.', '_').replace('-', '_').toLowerCase(Locale.ROOT);
        await().atMost(Duration.ofSeconds(60)).until(() -> td.count(first + ".m") == 1 && td.count(second + ".m") == 2);
    }

    /** VARCHAR values come as bytes over the native driver and as strings over the others. */
    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }
}
