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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.apache.kafka.connect.data.Decimal;
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
 * (they stand raw inside the quotes). What the protocol cannot carry (a backslash right before a separator in a name
 * or tag, a line break in a tag value) must fail with a DataException instead; backslashes anywhere else, at the
 * end too, come back exactly.
 */
class LineProtocolRoundTripPropertyTest {

    private static final String ALPHABET = "abcXYZ09 ,=\"\\.北\t";
    private static final String KEY_SEPARATORS = ",= ";
    private static final String[] LINE_BREAKS = {"line\nbreak", "cr\rlf\r\n", "\n", "q\"\n\\"};

    /** What becomes of a generated record; each must come up often enough for the property to say something. */
    private enum Outcome {
        WRITTEN,
        UNWRITABLE,
        NO_FIELD_LEFT
    }

    @Property(tries = 400)
    void encodedRecordsReadBackToTheSameValues(@ForAll("records") Generated g) {
        ToLineProtocol<SinkRecord> smt = new ToLineProtocol.Value<>();
        smt.configure(
                Map.of("measurement", g.measurement, "tags", String.join(",", g.tagNames), "timestamp.field", "ts"));
        SinkRecord record = Records.record(g.struct.schema(), g.struct, 1);
        Outcome outcome = g.expectedFields.isEmpty()
                ? Outcome.NO_FIELD_LEFT
                : g.unwritable ? Outcome.UNWRITABLE : Outcome.WRITTEN;
        Statistics.label("outcome").collect(outcome);
        Statistics.label("written with a line break in a string field")
                .collect(outcome == Outcome.WRITTEN && g.lineBreakInField);
        switch (outcome) {
            case NO_FIELD_LEFT ->
                assertThatThrownBy(() -> smt.apply(record))
                        .isInstanceOf(DataException.class)
                        .hasMessageContaining("no field left");
            case UNWRITABLE ->
                assertThatThrownBy(() -> smt.apply(record))
                        .isInstanceOf(DataException.class)
                        .hasMessageMatching("(?s).*(backslash|line break).*");
            case WRITTEN -> assertReadsBack(g, smt, (String) smt.apply(record).value());
        }
        // Most records must make the round trip, or the property proves little; each refusal must be seen too.
        Statistics.label("outcome").coverage(coverage -> {
            coverage.check(Outcome.WRITTEN).percentage(p -> p >= 50);
            coverage.check(Outcome.UNWRITABLE).count(n -> n >= 5);
            coverage.check(Outcome.NO_FIELD_LEFT).count(n -> n >= 1);
        });
        Statistics.label("written with a line break in a string field")
                .coverage(coverage -> coverage.check(true).count(n -> n >= 10));
    }

    private static void assertReadsBack(Generated g, ToLineProtocol<SinkRecord> smt, String line) {
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

    @Provide
    Arbitrary<Generated> records() {
        // Kafka's ConfigDef trims configured strings, so configured names never end with blanks
        Arbitrary<String> measurement = text(6).map(s -> ("m" + s).trim());
        Arbitrary<List<TagSpec>> tags = Combinators.combine(
                        text(5).map(s -> s.replace(".", "").replace(",", "")),
                        Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just((String) null)), Tuple.of(4, tagValue())))
                .as(TagSpec::new)
                .list()
                .ofMaxSize(3);
        // One field in six left unset. Not as an edge case: edge cases left every field of a record unset, and a third
        // of the records were refused for having no field left.
        Arbitrary<Boolean> unset =
                Arbitraries.integers().between(0, 5).map(i -> i == 0).withoutEdgeCases();
        Arbitrary<List<FieldSpec>> fields = Combinators.combine(text(5), leaf(), unset)
                .as((suffix, leaf, isUnset) -> new FieldSpec(suffix, leaf.schema, isUnset ? null : leaf.value))
                .list()
                .ofMinSize(1)
                .ofMaxSize(10);
        Arbitrary<Long> timestamp = Arbitraries.longs().between(-3_999_999_999_999L, 3_999_999_999_999L);
        return Combinators.combine(measurement, tags, fields, timestamp).as(LineProtocolRoundTripPropertyTest::build);
    }

    /** A tag: its name's tail and its value, {@code null} for an absent tag. */
    private record TagSpec(String nameSuffix, String value) {}

    /** A field: its name's tail, schema and value, {@code null} for a field left unset. */
    private record FieldSpec(String nameSuffix, Schema schema, Object value) {}

    private record Leaf(Schema schema, Object value) {}

    /** A field schema (a Decimal one time in eight) with a value of that schema. */
    private static Arbitrary<Leaf> leaf() {
        Arbitrary<Leaf> decimal = Arbitraries.integers()
                .map(i -> new Leaf(Decimal.builder(2).optional().build(), BigDecimal.valueOf(i, 2)));
        Arbitrary<Leaf> primitive = Arbitraries.oneOf(
                leaf(Schema.OPTIONAL_INT8_SCHEMA, Arbitraries.bytes()),
                leaf(Schema.OPTIONAL_INT16_SCHEMA, Arbitraries.shorts()),
                leaf(Schema.OPTIONAL_INT32_SCHEMA, Arbitraries.integers()),
                leaf(Schema.OPTIONAL_INT64_SCHEMA, Arbitraries.longs()),
                leaf(Schema.OPTIONAL_FLOAT32_SCHEMA, Arbitraries.floats()),
                leaf(
                        Schema.OPTIONAL_FLOAT64_SCHEMA,
                        Arbitraries.oneOf(
                                Arbitraries.doubles().between(-1e7, 1e7).ofScale(6),
                                Arbitraries.doubles().between(-1e-9, 1e-9).ofScale(20))),
                leaf(Schema.OPTIONAL_BOOLEAN_SCHEMA, Arbitraries.of(true, false)),
                leaf(
                        Schema.OPTIONAL_STRING_SCHEMA,
                        Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(LINE_BREAKS)), Tuple.of(4, text(12)))));
        return Arbitraries.frequencyOf(Tuple.of(1, decimal), Tuple.of(7, primitive));
    }

    private static Arbitrary<Leaf> leaf(Schema schema, Arbitrary<?> values) {
        return values.map(value -> new Leaf(schema, value));
    }

    private static Arbitrary<String> tagValue() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just("tag\nbreak")), Tuple.of(9, text(6)));
    }

    private static Arbitrary<String> text(int maxLength) {
        return Arbitraries.strings().withChars(ALPHABET).ofMaxLength(maxLength);
    }

    private static final class Generated {
        String measurement;
        List<String> tagNames = new ArrayList<>();
        Map<String, String> expectedTags = new LinkedHashMap<>();
        Map<String, Value> expectedFields = new LinkedHashMap<>();
        Struct struct;
        long timestampMillis;
        boolean unwritable;
        boolean lineBreakInField;

        @Override
        public String toString() {
            return "measurement=" + measurement + " struct=" + struct;
        }
    }

    private static Generated build(
            String measurement, List<TagSpec> tags, List<FieldSpec> fields, long timestampMillis) {
        Generated g = new Generated();
        g.measurement = measurement;
        g.unwritable |= cannotWrite(g.measurement, ", ");
        SchemaBuilder builder = SchemaBuilder.struct().field("ts", Timestamp.SCHEMA);
        for (int i = 0; i < tags.size(); i++) {
            String name = ("t" + i + tags.get(i).nameSuffix()).trim();
            g.tagNames.add(name);
            builder.field(name, Schema.OPTIONAL_STRING_SCHEMA);
        }
        List<String> fieldNames = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            String name = "f" + i + fields.get(i).nameSuffix();
            fieldNames.add(name);
            builder.field(name, fields.get(i).schema());
        }
        g.struct = new Struct(builder.build());
        g.timestampMillis = timestampMillis;
        g.struct.put("ts", new Date(g.timestampMillis));
        for (int i = 0; i < tags.size(); i++) {
            String tag = g.tagNames.get(i);
            String value = tags.get(i).value();
            g.struct.put(tag, value);
            if (value != null && !value.isEmpty()) {
                g.unwritable |= cannotWrite(tag, KEY_SEPARATORS) || cannotWrite(value, KEY_SEPARATORS);
                g.expectedTags.put(tag, value);
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            FieldSpec field = fields.get(i);
            if (field.value() == null) {
                continue;
            }
            String name = fieldNames.get(i);
            g.unwritable |= cannotWrite(name, KEY_SEPARATORS);
            g.struct.put(name, field.value());
            g.lineBreakInField |= field.value() instanceof String text && (text.contains("\n") || text.contains("\r"));
            g.expectedFields.put(name, expected(field.schema(), field.value()));
        }
        return g;
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

    /**
     * A line break, or a backslash right before one of the name's separators, which TDengine would read as ending
     * the name after an escaped backslash: no spelling carries either.
     */
    private static boolean cannotWrite(String name, String separators) {
        for (int i = 0; i + 1 < name.length(); i++) {
            if (name.charAt(i) == '\\' && separators.indexOf(name.charAt(i + 1)) >= 0) {
                return true;
            }
        }
        return name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0;
    }
}
