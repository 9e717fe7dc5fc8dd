package com.taosdata.kafka.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.transforms.support.LineProtocolReader;
import com.taosdata.kafka.connect.transforms.support.LineProtocolReader.ParsedLine;
import com.taosdata.kafka.connect.transforms.support.LineProtocolReader.Value;
import com.taosdata.kafka.connect.transforms.support.Records;
import com.taosdata.kafka.connect.transforms.support.StructToMap;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Random Structs (random types, names and values full of characters that need escaping) are encoded, parsed
 * back with the independent {@link LineProtocolReader}, and compared value by value; the schemaless Map twin of
 * each Struct must give the same text. String values holding line feeds and carriage returns come back exactly
 * (they stand raw inside the quotes). What the protocol cannot carry (a trailing backslash in a name or tag, a line
 * break in a tag value) must fail with a DataException instead.
 */
class LineProtocolRoundTripPropertyTest {

    private static final String ALPHABET = "abcXYZ09 ,=\"\\.北\t";
    private static final String[] LINE_BREAKS = {"line\nbreak", "cr\rlf\r\n", "\n", "q\"\n\\"};
    private static final Schema.Type[] TYPES = {Schema.Type.INT8, Schema.Type.INT16, Schema.Type.INT32,
        Schema.Type.INT64, Schema.Type.FLOAT32, Schema.Type.FLOAT64, Schema.Type.BOOLEAN, Schema.Type.STRING};

    @Property(tries = 400)
    void encodedRecordsReadBackToTheSameValues(@ForAll long seed) {
        Random random = new Random(seed);
        Generated g = generate(random);
        ToLineProtocol<SinkRecord> smt = new ToLineProtocol.Value<>();
        smt.configure(Map.of("measurement", g.measurement, "tags", String.join(",", g.tagNames),
                "timestamp.field", "ts"));
        SinkRecord record = Records.record(g.struct.schema(), g.struct, 1);
        if (g.expectedFields.isEmpty()) {
            assertThatThrownBy(() -> smt.apply(record)).isInstanceOf(DataException.class)
                    .hasMessageContaining("no field left");
            return;
        }
        if (g.unwritable) {
            assertThatThrownBy(() -> smt.apply(record)).isInstanceOf(DataException.class)
                    .hasMessageMatching("(?s).*(backslash|line break).*");
            return;
        }
        String line = (String) smt.apply(record).value();
        assertThat(Records.encodeValue(smt, StructToMap.convert(g.struct))).isEqualTo(line);
        ParsedLine parsed = LineProtocolReader.parse(line);
        assertThat(parsed.measurement).isEqualTo(g.measurement);
        assertThat(parsed.tags).isEqualTo(g.expectedTags);
        assertThat(parsed.timestamp).isEqualTo(g.timestampMillis * 1_000_000L);
        assertThat(parsed.fields.keySet()).containsExactlyElementsOf(g.expectedFields.keySet());
        for (Map.Entry<String, Value> field : parsed.fields.entrySet()) {
            Value expected = g.expectedFields.get(field.getKey());
            assertThat(field.getValue().type).as(field.getKey()).isEqualTo(expected.type);
            assertThat(field.getValue().value).as(field.getKey()).isEqualTo(expected.value);
        }
    }

    private static final class Generated {
        String measurement;
        List<String> tagNames = new ArrayList<>();
        Map<String, String> expectedTags = new LinkedHashMap<>();
        Map<String, Value> expectedFields = new LinkedHashMap<>();
        Struct struct;
        long timestampMillis;
        boolean unwritable;
    }

    private static Generated generate(Random random) {
        Generated g = new Generated();
        // Kafka's ConfigDef trims configured strings, so configured names never end with blanks
        g.measurement = ("m" + text(random, 6)).trim();
        g.unwritable |= cannotWrite(g.measurement);
        int tagCount = random.nextInt(4);
        int fieldCount = 1 + random.nextInt(10);
        SchemaBuilder builder = SchemaBuilder.struct().field("ts", Timestamp.SCHEMA);
        List<Schema.Type> types = new ArrayList<>();
        for (int i = 0; i < tagCount; i++) {
            String name = ("t" + i + text(random, 5).replace(".", "").replace(",", "")).trim();
            g.tagNames.add(name);
            builder.field(name, Schema.OPTIONAL_STRING_SCHEMA);
        }
        for (int i = 0; i < fieldCount; i++) {
            Schema.Type type = TYPES[random.nextInt(TYPES.length)];
            types.add(type);
            Schema schema = random.nextInt(8) == 0 ? Decimal.builder(2).optional().build()
                    : new SchemaBuilder(type).optional().build();
            builder.field("f" + i + text(random, 5), schema);
        }
        Schema schema = builder.build();
        g.struct = new Struct(schema);
        g.timestampMillis = random.nextLong() % 4_000_000_000_000L;
        g.struct.put("ts", new Date(g.timestampMillis));
        for (String tag : g.tagNames) {
            String value = random.nextInt(5) == 0 ? null : tagValue(random);
            g.struct.put(tag, value);
            if (value != null && !value.isEmpty()) {
                g.unwritable |= cannotWrite(tag) || cannotWrite(value);
                g.expectedTags.put(tag, value);
            }
        }
        for (Field field : schema.fields().subList(1 + tagCount, schema.fields().size())) {
            if (random.nextInt(6) == 0) {
                continue;
            }
            g.unwritable |= cannotWrite(field.name());
            Object value = value(random, field.schema());
            g.struct.put(field, value);
            g.expectedFields.put(field.name(), expected(field.schema(), value));
        }
        return g;
    }

    private static Object value(Random random, Schema schema) {
        if (Decimal.LOGICAL_NAME.equals(schema.name())) {
            return BigDecimal.valueOf(random.nextInt(), 2);
        }
        switch (schema.type()) {
            case INT8:
                return (byte) random.nextInt();
            case INT16:
                return (short) random.nextInt();
            case INT32:
                return random.nextInt();
            case INT64:
                return random.nextLong();
            case FLOAT32:
                return (random.nextFloat() - 0.5f) * random.nextInt();
            case FLOAT64:
                return random.nextBoolean() ? random.nextGaussian() * 1e6 : random.nextDouble() / 1e9;
            case BOOLEAN:
                return random.nextBoolean();
            default:
                return random.nextInt(5) == 0 ? LINE_BREAKS[random.nextInt(LINE_BREAKS.length)] : text(random, 12);
        }
    }

    private static Value expected(Schema schema, Object value) {
        if (Decimal.LOGICAL_NAME.equals(schema.name())) {
            return value("f64", ((BigDecimal) value).doubleValue());
        }
        switch (schema.type()) {
            case INT8:
                return value("i8", ((Number) value).longValue());
            case INT16:
                return value("i16", ((Number) value).longValue());
            case INT32:
                return value("i32", ((Number) value).longValue());
            case INT64:
                return value("i64", value);
            case FLOAT32:
                return value("f32", value);
            case FLOAT64:
                return value("f64", value);
            case BOOLEAN:
                return value("bool", value);
            default:
                return value("varchar", value);
        }
    }

    private static Value value(String type, Object value) {
        return LineProtocolReader.Value.of(type, value);
    }

    private static String tagValue(Random random) {
        return random.nextInt(10) == 0 ? "tag\nbreak" : text(random, 6);
    }

    private static boolean cannotWrite(String name) {
        return name.endsWith("\\") || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0;
    }

    private static String text(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
