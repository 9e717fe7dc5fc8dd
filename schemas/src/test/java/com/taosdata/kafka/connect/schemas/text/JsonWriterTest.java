package com.taosdata.kafka.connect.schemas.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void escapesControlCharactersQuotesAndBackslashes() {
        StringBuilder out = new StringBuilder();
        JsonWriter.appendString(out, "a\"b\\c\nd\te\u0001");
        assertThat(out).hasToString("\"a\\\"b\\\\c\\nd\\te\\u0001\"");
    }

    @Test
    void writesNestedConnectValues() {
        Schema schema = SchemaBuilder.struct()
                .field("n", Schema.INT32_SCHEMA)
                .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
                .build();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("s", new Struct(schema).put("n", 1).put("tags", List.of("x")));
        map.put("d", new BigDecimal("1.50"));
        map.put("b", new byte[] {1, 2});
        map.put("f", 0.5);
        map.put("z", null);
        StringBuilder out = new StringBuilder();
        JsonWriter.appendValue(out, List.of(map, true));
        assertThat(out)
                .hasToString("[{\"s\":{\"n\":1,\"tags\":[\"x\"]},\"d\":1.50,\"b\":\"AQI=\",\"f\":0.5,"
                        + "\"z\":null},true]");
    }

    @Test
    void rejectsNonFiniteNumbers() {
        assertThatThrownBy(() -> JsonWriter.appendValue(new StringBuilder(), List.of(Double.NaN)))
                .isInstanceOf(UnsupportedValueException.class);
    }
}
