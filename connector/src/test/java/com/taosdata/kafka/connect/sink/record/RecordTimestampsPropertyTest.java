package com.taosdata.kafka.connect.sink.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.connection.Transport;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.schemas.text.LineEscaper;
import com.taosdata.kafka.connect.sink.config.SchemalessProtocol;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Generated lines, escaped by the SMTs' {@link LineEscaper} from names and values full of spaces, commas, equal signs,
 * quotes and backslashes, some with string fields holding raw line feeds: a line stripped of its timestamp is stamped
 * back with the record's, and a line that has one is handed on unchanged, each line of a record on its own.
 */
class RecordTimestampsPropertyTest {

    private static final String ALPHABET = "abXY09 ,=\"\\#.北\t";

    /** One generated line: series and field set, what separates them, and the timestamp it may carry. */
    private record Line(String withoutTimestamp, String timestampSeparator, long timestamp, boolean stripped) {

        String text() {
            return stripped ? withoutTimestamp : withoutTimestamp + timestampSeparator + timestamp;
        }

        String expected(String recordTimestamp) {
            return stripped ? withoutTimestamp + " " + recordTimestamp : text();
        }
    }

    @Property(tries = 500)
    void linesWithoutTimestampGetTheRecordsAndLinesWithOneKeepIt(
            @ForAll("lines") List<Line> lines,
            @ForAll("lineEnds") String lineEnd,
            @ForAll("precisions") TimestampUnit precision,
            @ForAll("recordTimestamps") long millis) {
        String value = String.join(lineEnd, lines.stream().map(Line::text).toList()) + lineEnd;
        SinkRecord record = new SinkRecord("meters", 0, null, null, null, value, 7, millis, TimestampType.CREATE_TIME);
        PayloadDecoder decoder =
                new PayloadDecoder(SchemalessProtocol.LINE, Transport.NATIVE).stampingRecordTimestamps(precision);
        String recordTimestamp = Long.toString(precision.fromMillis(millis));

        assertThat(decoder.decode(record))
                .containsExactlyElementsOf(lines.stream()
                        .map(line -> line.expected(recordTimestamp))
                        .toList());
    }

    @Provide
    Arbitrary<List<Line>> lines() {
        Arbitrary<String> series = Combinators.combine(name(), tags()).as((measurement, tags) -> {
            StringBuilder out = new StringBuilder();
            LineEscaper.appendMeasurement(out, measurement);
            return out.append(tags).toString();
        });
        Arbitrary<String> fields = field().list().ofMinSize(1).ofMaxSize(4).map(list -> String.join(",", list));
        Arbitrary<String> spaces = Arbitraries.of(" ", "  ");
        return Combinators.combine(
                        series,
                        spaces,
                        fields,
                        spaces,
                        Arbitraries.longs().between(1, Long.MAX_VALUE),
                        Arbitraries.of(true, false))
                .as((s, gap, f, beforeTimestamp, timestamp, stripped) ->
                        new Line(s + gap + f, beforeTimestamp, timestamp, stripped))
                .list()
                .ofMinSize(1)
                .ofMaxSize(3);
    }

    @Provide
    Arbitrary<String> lineEnds() {
        return Arbitraries.of("\n", "\r\n");
    }

    @Provide
    Arbitrary<TimestampUnit> precisions() {
        return Arbitraries.of(TimestampUnit.precisions());
    }

    /** Kafka timestamps from 1970 to 2262, the end of nanosecond timestamps. */
    @Provide
    Arbitrary<Long> recordTimestamps() {
        return Arbitraries.longs().between(1, Long.MAX_VALUE / 1_000_000);
    }

    /**
     * A name the escaper can write: not empty, no line break, no backslash right before a space, comma or equal sign
     * (backslashes anywhere else, at the end too); a leading # is escaped away.
     */
    private static Arbitrary<String> name() {
        return Arbitraries.strings()
                .withChars(ALPHABET)
                .ofMinLength(1)
                .ofMaxLength(8)
                .filter(s -> !s.matches("(?s).*\\\\[ ,=].*"))
                .map(s -> s.startsWith("#") ? "m" + s : s);
    }

    private static Arbitrary<String> tags() {
        return Combinators.combine(name(), name())
                .as((key, value) -> {
                    StringBuilder out = new StringBuilder(",");
                    LineEscaper.appendKey(out, key, "tag key");
                    out.append('=');
                    LineEscaper.appendKey(out, value, "tag value");
                    return out.toString();
                })
                .list()
                .ofMaxSize(3)
                .map(list -> String.join("", list));
    }

    private static Arbitrary<String> field() {
        Arbitrary<String> number = Arbitraries.of("1.5", "-3i", "10u", "2i8", "true", "F", "1e-9");
        Arbitrary<String> string = Arbitraries.strings()
                .withChars(ALPHABET + "\n\r")
                .ofMaxLength(12)
                .map(text -> {
                    StringBuilder out = new StringBuilder("\"");
                    LineEscaper.appendFieldString(out, text);
                    return out.append('"').toString();
                });
        Arbitrary<String> value = Arbitraries.oneOf(number, string, string.map(s -> "L" + s));
        return Combinators.combine(name(), value).as((key, v) -> {
            StringBuilder out = new StringBuilder();
            LineEscaper.appendKey(out, key, "field key");
            return out.append('=').append(v).toString();
        });
    }
}
