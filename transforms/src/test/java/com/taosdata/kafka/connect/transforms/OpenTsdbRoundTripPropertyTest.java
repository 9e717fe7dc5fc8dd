package com.taosdata.kafka.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.taosdata.kafka.connect.transforms.support.Records;
import com.taosdata.kafka.connect.transforms.support.StructToMap;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Random numeric records through ToTelnet and ToOpenTsdbJson, read back (telnet by splitting on spaces, JSON
 * with Jackson) and compared with the input; the Map twin must give the same text.
 */
class OpenTsdbRoundTripPropertyTest {

    private static final String TAG_CHARS = "abcXYZ09._-/北\"\\,";
    private static final String JSON_TAG_CHARS = TAG_CHARS + " =\n";

    @Property(tries = 200)
    void telnetLinesReadBack(@ForAll("telnetRecords") Struct struct) {
        ToTelnet<SinkRecord> smt = configure(new ToTelnet.Value<>());
        String text = encode(smt, struct);
        String[] lines = text.split("\n");
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            String[] parts = line.split(" ");
            String field = parts[0].substring("m_".length());
            assertThat(parts[1]).isEqualTo(Long.toString(Records.KAFKA_TIMESTAMP + 1));
            assertThat(Double.parseDouble(parts[2])).isEqualTo(((Number) struct.get(field)).doubleValue());
            Map<String, String> tags = new LinkedHashMap<>();
            for (int i = 3; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                tags.put(kv[0], kv[1]);
            }
            assertThat(tags).isEqualTo(expectedTags(struct));
        }
    }

    @Property(tries = 200)
    void jsonObjectsReadBack(@ForAll("jsonRecords") Struct struct) throws IOException {
        String text = encode(configure(new ToOpenTsdbJson.Value<>()), struct);
        JsonNode array = new ObjectMapper().readTree(text);
        assertThat(array.size()).isEqualTo(2);
        for (JsonNode point : array) {
            String field = point.get("metric").asText().substring("m_".length());
            assertThat(point.get("timestamp").asLong()).isEqualTo(Records.KAFKA_TIMESTAMP + 1);
            assertThat(point.get("value").asDouble()).isEqualTo(((Number) struct.get(field)).doubleValue());
            Map<String, String> tags = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = point.get("tags").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> tag = it.next();
                tags.put(tag.getKey(), tag.getValue().asText());
            }
            assertThat(tags).isEqualTo(expectedTags(struct));
        }
    }

    private static <T extends Transformation<SinkRecord>> T configure(T smt) {
        smt.configure(Map.of("measurement", "m", "tags", "host,rack"));
        return smt;
    }

    private static String encode(Transformation<SinkRecord> smt, Struct struct) {
        String text = Records.encode(smt, Records.record(struct.schema(), struct, 1));
        assertThat(Records.encode(smt, Records.record(null, StructToMap.convert(struct), 1)))
                .isEqualTo(text);
        return text;
    }

    private static Map<String, String> expectedTags(Struct struct) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("host", struct.getString("host"));
        tags.put("rack", Integer.toString(struct.getInt32("rack")));
        return tags;
    }

    @Provide
    Arbitrary<Struct> telnetRecords() {
        return records(TAG_CHARS);
    }

    @Provide
    Arbitrary<Struct> jsonRecords() {
        return records(JSON_TAG_CHARS);
    }

    private static Arbitrary<Struct> records(String tagChars) {
        Schema schema = SchemaBuilder.struct()
                .field("host", Schema.STRING_SCHEMA)
                .field("rack", Schema.INT32_SCHEMA)
                .field("load", Schema.FLOAT64_SCHEMA)
                .field("count", Schema.INT64_SCHEMA)
                .build();
        Arbitrary<String> host =
                Arbitraries.strings().withChars(tagChars).ofMaxLength(7).map(tail -> "h" + tail);
        // a mantissa times a power of ten spans the magnitudes from 1e-15 to 1e15
        Arbitrary<Double> load = Combinators.combine(
                        Arbitraries.doubles().between(-4, 4).ofScale(12),
                        Arbitraries.integers().between(-15, 14))
                .as((mantissa, exponent) -> mantissa * Math.pow(10, exponent));
        return Combinators.combine(host, Arbitraries.integers(), load, Arbitraries.longs())
                .as((h, rack, l, count) -> new Struct(schema)
                        .put("host", h)
                        .put("rack", rack)
                        .put("load", l)
                        .put("count", count));
    }
}
