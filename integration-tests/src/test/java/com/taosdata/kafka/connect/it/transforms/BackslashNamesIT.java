package com.taosdata.kafka.connect.it.transforms;

import static com.taosdata.kafka.connect.it.transforms.SchemalessTables.columnTypes;
import static com.taosdata.kafka.connect.it.transforms.SchemalessTables.rowsByTime;
import static com.taosdata.kafka.connect.it.transforms.SchemalessTables.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.taosdata.kafka.connect.it.harness.Connectors;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.it.harness.TDengineTarget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Backslashes in the measurement, tag values and a field key, next to spaces, commas and equal signs and at the end,
 * go through {@code ToLineProtocol} and the sink and are stored as the records held them. TDengine unescapes
 * {@code \\} in names and tag values, so the SMT doubles every backslash there. (A backslash right before a space,
 * comma or equal sign has no spelling TDengine keeps; the SMT rejects it, see {@code LineEscaperTest}.)
 */
class BackslashNamesIT {

    private static final String MEASUREMENT = "back\\slash\\";
    private static final String FIELD = "gain\\";
    private static final long T0 = 1_700_000_000_000L;

    private final ItEnvironment env = ItEnvironment.get();

    @RegisterExtension
    final Connectors connectors = new Connectors(() -> env.worker().rest());

    @Test
    void backslashesInNamesAndTagValuesAreStoredAsTheRecordHeldThem() {
        String topic = ItEnvironment.unique("backslash");
        env.broker().createTopic(topic, 1);
        env.broker()
                .produce(
                        topic,
                        List.of(
                                record(T0, "C:\\dir name\\", "a,\\b=c\\\\d", "x\\ y\\\"z\\", 2.5),
                                record(T0 + 1, "\\\\share\\x", "\\", "\\\\", -1.0)));

        Map<String, String> config = SinkConfigs.sink(env.tdengine(), topic, topic);
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        config.put("transforms", "toLine");
        config.put("transforms.toLine.type", "com.taosdata.kafka.connect.transforms.ToLineProtocol$Value");
        config.put("transforms.toLine.measurement.field", "kind");
        config.put("transforms.toLine.tags", "device,site");
        config.put("transforms.toLine.timestamp.field", "ts");
        connectors.run(topic, config, 1);

        TDengineTarget td = env.tdengine();
        String table = "`" + topic + "`.`" + MEASUREMENT + "`";
        await().atMost(Duration.ofSeconds(30)).until(() -> td.count(table) == 2);

        assertThat(stables(td, topic)).containsExactly(MEASUREMENT);
        assertThat(columnTypes(td, table)).containsOnlyKeys(FIELD, "note", "device", "site");
        assertThat(rowsByTime(td, table))
                .extracting(
                        r -> text(r.get("device")),
                        r -> text(r.get("site")),
                        r -> text(r.get("note")),
                        r -> r.get(FIELD))
                .containsExactly(
                        tuple("C:\\dir name\\", "a,\\b=c\\\\d", "x\\ y\\\"z\\", 2.5),
                        tuple("\\\\share\\x", "\\", "\\\\", -1.0));
    }

    private static List<String> stables(TDengineTarget td, String database) {
        return td.query("SHOW `" + database + "`.STABLES").stream()
                .map(r -> text(r.get("stable_name")))
                .toList();
    }

    private static String record(long ts, String device, String site, String note, double gain) {
        return "{\"kind\": " + json(MEASUREMENT) + ", \"ts\": " + ts + ", \"device\": " + json(device) + ", \"site\": "
                + json(site) + ", \"note\": " + json(note) + ", " + json(FIELD) + ": " + gain + "}";
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
