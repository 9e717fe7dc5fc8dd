package com.taosdata.kafka.connect.it.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.taosdata.kafka.connect.it.harness.Connectors;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A topic mixing good lines with many kinds of bad records. With a DLQ, every good line is in TDengine and every bad
 * record is in the DLQ with its reason; without one, the task fails naming the reason. Values travel through
 * JsonConverter with schemas, so the topic can also carry bytes, Structs and Maps.
 */
class BadInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long T0 = 1648432611000000000L;
    private static ItEnvironment env;

    @RegisterExtension
    final Connectors connectors = new Connectors(() -> env.worker().rest());

    @BeforeAll
    static void setUp() {
        env = ItEnvironment.get();
    }

    /** Kinds of bad records, by what is wrong with them; each value is a JsonConverter envelope. */
    private static Map<String, String> badRecords() throws Exception {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("syntax: field without value", string("meters,dev=bad1 current= " + (T0 + 1)));
        bad.put("type conflict with existing DOUBLE column", string("meters,dev=bad2 current=\"text\" " + (T0 + 2)));
        bad.put(
                "escape swallowing the closing quote",
                string("meters,dev=bad3 current=1.0,note=\"abc\\\" " + (T0 + 3)));
        bad.put("empty value", string(""));
        bad.put("blank lines only", string("\n \n"));
        bad.put(
                "bytes that are not UTF-8",
                envelope(Map.of("type", "bytes"), Base64.getEncoder().encodeToString(new byte[] {
                    'm', ' ', (byte) 0xC3, (byte) 0x28, (byte) 0xFF
                })));
        bad.put(
                "Struct value",
                envelope(
                        Map.of("type", "struct", "fields", List.of(Map.of("field", "current", "type", "double"))),
                        Map.of("current", 1.5)));
        bad.put("schemaless Map value", envelope(null, Map.of("current", 1.5)));
        bad.put("huge line", string("meters,dev=bad9 current=1.0,blob=\"" + "x".repeat(200_000) + "\" " + (T0 + 9)));
        bad.put("timestamp out of range", string("meters,dev=bad10 current=1.0 99999999999999999999"));
        bad.put("empty tag value", string("meters,dev= current=1.0 " + (T0 + 11)));
        bad.put("unquoted string field", string("meters,dev=bad12 current=abc " + (T0 + 12)));
        bad.put("no field at all", string("meters,dev=bad13 " + (T0 + 13)));
        return bad;
    }

    private static List<String> goodRecords(int count) throws Exception {
        List<String> good = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            good.add(string("meters,dev=good current=" + i + ".25,volts=" + (200 + i) + "i32 "
                    + (T0 + 1_000_000L * (i + 100))));
        }
        return good;
    }

    private static String string(String payload) throws Exception {
        return envelope(Map.of("type", "string"), payload);
    }

    private static String envelope(Object schema, Object payload) throws Exception {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("schema", schema);
        envelope.put("payload", payload);
        return JSON.writeValueAsString(envelope);
    }

    private Map<String, String> config(String topic) {
        Map<String, String> config = SinkConfigs.sink(env.tdengine(), topic, topic);
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "true");
        config.put("batch.size", "1000");
        return config;
    }

    @Test
    void withDeadLetterQueueEveryGoodLineLandsAndEveryBadRecordIsDeadLettered() throws Exception {
        String topic = ItEnvironment.unique("badinput");
        String dlq = topic + "_dlq";
        env.broker().createTopic(topic, 1);
        Map<String, String> bad = badRecords();
        List<String> good = goodRecords(30);
        List<String> mixed = new ArrayList<>();
        // A first good line creates the table, so the type conflict meets an existing column.
        mixed.add(good.get(0));
        Map<Long, String> badOffsets = new TreeMap<>();
        int g = 1;
        for (Map.Entry<String, String> kind : bad.entrySet()) {
            badOffsets.put((long) mixed.size(), kind.getKey());
            mixed.add(kind.getValue());
            mixed.add(good.get(g++));
            mixed.add(good.get(g++));
        }
        while (g < good.size()) {
            mixed.add(good.get(g++));
        }
        mixed.add(null);

        Map<String, String> config = config(topic);
        SinkConfigs.deadLetterQueue(config, dlq);
        connectors.run(topic, config, 1);
        env.broker().produce(topic, mixed);

        TDengineTarget td = env.tdengine();
        await().atMost(Duration.ofSeconds(90)).until(() -> td.count(topic + ".meters") >= good.size());
        List<ConsumerRecord<byte[], byte[]>> deadLettered =
                env.broker().consume(dlq, bad.size(), Duration.ofSeconds(60));

        Map<Long, String> deadLetteredKinds = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> record : deadLettered) {
            long offset = Long.parseLong(header(record, "__connect.errors.offset"));
            deadLetteredKinds.put(offset, badOffsets.getOrDefault(offset, "a GOOD record at offset " + offset));
        }
        assertThat(deadLetteredKinds)
                .as("every bad record, and only those, is dead-lettered")
                .isEqualTo(badOffsets);
        Set<String> devices = td.query("SELECT dev FROM " + topic + ".meters").stream()
                .map(r -> r.get("dev").toString())
                .collect(Collectors.toSet());
        assertThat(devices).as("no bad line was written").containsExactly("good");
        assertThat(td.count(topic + ".meters")).isEqualTo(good.size());
        for (ConsumerRecord<byte[], byte[]> record : deadLettered) {
            Header reason = record.headers().lastHeader("__connect.errors.exception.message");
            assertThat(reason)
                    .as(
                            "DLQ record at original offset %s carries its reason",
                            header(record, "__connect.errors.offset"))
                    .isNotNull();
            assertThat(new String(reason.value(), StandardCharsets.UTF_8)).isNotBlank();
        }
        assertThat(env.worker().rest().taskStates(topic)).containsOnly("RUNNING");
    }

    @Test
    void withoutDeadLetterQueueTheTaskFailsNamingTheBadRecord() throws Exception {
        String topic = ItEnvironment.unique("strict");
        env.broker().createTopic(topic, 1);
        List<String> values = new ArrayList<>(goodRecords(3));
        values.add(string("meters,dev=bad current= " + (T0 + 1)));
        values.addAll(goodRecords(2));

        connectors.run(topic, config(topic), 1);
        env.broker().produce(topic, values);

        String trace = env.worker().rest().awaitTaskFailure(topic, Duration.ofSeconds(90));
        assertThat(trace).contains(topic + "-0@3").contains("errors.tolerance");
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? "?" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
