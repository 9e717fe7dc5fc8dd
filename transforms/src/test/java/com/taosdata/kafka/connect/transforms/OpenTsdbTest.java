package com.taosdata.kafka.connect.transforms;

import static com.taosdata.kafka.connect.transforms.support.Records.encode;
import static com.taosdata.kafka.connect.transforms.support.Records.encodeValue;
import static com.taosdata.kafka.connect.transforms.support.Records.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.transforms.support.StructToMap;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.Test;

class OpenTsdbTest {

    private static final Schema SCHEMA = SchemaBuilder.struct()
            .field("ts", Timestamp.SCHEMA)
            .field("host", Schema.STRING_SCHEMA)
            .field("dc", Schema.STRING_SCHEMA)
            .field("cpu", Schema.FLOAT64_SCHEMA)
            .field("up", Schema.BOOLEAN_SCHEMA)
            .field("procs", Schema.INT32_SCHEMA)
            .field("state", Schema.STRING_SCHEMA)
            .build();

    private static Struct value(String dc, String state) {
        return new Struct(SCHEMA)
                .put("ts", new Date(1_700_000_000_123L))
                .put("host", "web-1")
                .put("dc", dc)
                .put("cpu", 0.5)
                .put("up", true)
                .put("procs", 12)
                .put("state", state);
    }

    private static <T extends Transformation<SinkRecord>> T configured(T smt, String... extra) {
        Map<String, String> config =
                new HashMap<>(Map.of("tags", "host,dc", "timestamp.field", "ts", "measurement", "sys"));
        for (int i = 0; i < extra.length; i += 2) {
            config.put(extra[i], extra[i + 1]);
        }
        smt.configure(config);
        return smt;
    }

    @Test
    void telnetWritesOneLinePerFieldWithAllTags() {
        assertThat(encode(configured(new ToTelnet.Value<>()), record(SCHEMA, value("eu1", "ok"), 1)))
                .isEqualTo(String.join(
                        "\n",
                        "sys_cpu 1700000000123 0.5 host=web-1 dc=eu1",
                        "sys_up 1700000000123 true host=web-1 dc=eu1",
                        "sys_procs 1700000000123 12 host=web-1 dc=eu1",
                        "sys_state 1700000000123 \"ok\" host=web-1 dc=eu1"));
    }

    @Test
    void telnetRejectsWhatItCannotEscape() {
        ToTelnet<SinkRecord> smt = configured(new ToTelnet.Value<>());
        assertThatThrownBy(() -> encode(smt, record(SCHEMA, value("eu 1", "ok"), 3)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("offset=3 field=dc")
                .hasMessageContaining("space");
        assertThatThrownBy(() -> encode(smt, record(SCHEMA, value("a=b", "ok"), 3)))
                .hasMessageContaining("field=dc")
                .hasMessageContaining("'='");
        assertThatThrownBy(() -> encode(smt, record(SCHEMA, value("eu1", "not ok"), 3)))
                .hasMessageContaining("field=state")
                .hasMessageContaining("space");
    }

    @Test
    void telnetNeedsATag() {
        ToTelnet<SinkRecord> smt = configured(new ToTelnet.Value<>(), "tags", "", "fields", "cpu");
        assertThatThrownBy(() -> encode(smt, record(SCHEMA, value("eu1", "ok"), 3)))
                .hasMessageContaining("field=cpu")
                .hasMessageContaining("at least one non-empty tag");
    }

    @Test
    void jsonWritesOneObjectPerField() {
        ToOpenTsdbJson<SinkRecord> smt = configured(new ToOpenTsdbJson.Value<>(), "fields", "cpu,up,state");
        assertThat(encode(smt, record(SCHEMA, value("eu \"1\"", "a\\b"), 1)))
                .isEqualTo("["
                        + "{\"metric\":\"sys_cpu\",\"timestamp\":1700000000123,\"value\":0.5,"
                        + "\"tags\":{\"host\":\"web-1\",\"dc\":\"eu \\\"1\\\"\"}},"
                        + "{\"metric\":\"sys_up\",\"timestamp\":1700000000123,\"value\":true,"
                        + "\"tags\":{\"host\":\"web-1\",\"dc\":\"eu \\\"1\\\"\"}},"
                        + "{\"metric\":\"sys_state\",\"timestamp\":1700000000123,\"value\":\"a\\\\b\","
                        + "\"tags\":{\"host\":\"web-1\",\"dc\":\"eu \\\"1\\\"\"}}]");
    }

    @Test
    void structAndMapGiveTheSameOutput() {
        Struct struct = value("eu1", "ok");
        for (Transformation<SinkRecord> smt : java.util.List.<Transformation<SinkRecord>>of(
                configured(new ToTelnet.Value<>()), configured(new ToOpenTsdbJson.Value<>()))) {
            assertThat(encodeValue(smt, StructToMap.convert(struct)))
                    .isEqualTo(encode(smt, record(SCHEMA, struct, 42)));
        }
    }
}
