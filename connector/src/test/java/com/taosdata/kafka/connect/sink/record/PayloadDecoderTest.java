package com.taosdata.kafka.connect.sink.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.connection.Transport;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.sink.config.SchemalessProtocol;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PayloadDecoderTest {

    private static final PayloadDecoder LINE = new PayloadDecoder(SchemalessProtocol.LINE, Transport.WEBSOCKET);
    private static final PayloadDecoder JSON = new PayloadDecoder(SchemalessProtocol.JSON, Transport.WEBSOCKET);
    private static final String NOTE_WITH_LINE_FEED = "m,t=a s=\"one\ntwo\",n=L\"x\ny\" 1796316133135000000";

    private static SinkRecord record(Object value) {
        return new SinkRecord("meters", 3, null, null, null, value, 42);
    }

    private static SinkRecord timestamped(Object value, long timestamp) {
        return new SinkRecord("meters", 3, null, null, null, value, 42, timestamp, TimestampType.CREATE_TIME);
    }

    @Test
    void aStringHoldingOneLineIsOnePayload() {
        assertThat(LINE.decode(record("m,t=a f=1 1"))).containsExactly("m,t=a f=1 1");
    }

    @Test
    void utf8BytesAreDecoded() {
        assertThat(LINE.decode(record("m,城市=北京 f=1 1".getBytes(StandardCharsets.UTF_8))))
                .containsExactly("m,城市=北京 f=1 1");
    }

    @Test
    void aByteBufferIsDecodedFromItsPositionWithoutConsumingIt() {
        ByteBuffer buffer = ByteBuffer.wrap("xxm f=1 1".getBytes(StandardCharsets.UTF_8));
        buffer.position(2);

        assertThat(LINE.decode(record(buffer))).containsExactly("m f=1 1");
        assertThat(buffer.position()).isEqualTo(2);
    }

    @Test
    void aValueWithSeveralLinesGivesOnePayloadPerLine() {
        assertThat(LINE.decode(record("m f=1 1\nm f=2 2\nm f=3 3\n"))).containsExactly("m f=1 1", "m f=2 2", "m f=3 3");
    }

    @Test
    void crlfLineEndsAreAccepted() {
        assertThat(LINE.decode(record("m f=1 1\r\nm f=2 2\r\n"))).containsExactly("m f=1 1", "m f=2 2");
        assertThat(LINE.decode(record("m f=1 1\r"))).containsExactly("m f=1 1");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aRawCarriageReturnInAStringFieldIsWrittenOverEveryTransport(Transport transport) {
        PayloadDecoder decoder = new PayloadDecoder(SchemalessProtocol.LINE, transport);

        assertThat(decoder.decode(record("m s=\"one\rtwo\" 1\r\nm f=2 2\r\n")))
                .containsExactly("m s=\"one\rtwo\" 1", "m f=2 2");
    }

    @Test
    void overNativeALineFeedInAStringFieldStaysInItsLine() {
        PayloadDecoder decoder = new PayloadDecoder(SchemalessProtocol.LINE, Transport.NATIVE);

        assertThat(decoder.decode(record(NOTE_WITH_LINE_FEED + "\nm f=2 2\n")))
                .containsExactly(NOTE_WITH_LINE_FEED, "m f=2 2");
        assertThat(decoder.decode(record(NOTE_WITH_LINE_FEED.getBytes(StandardCharsets.UTF_8))))
                .containsExactly(NOTE_WITH_LINE_FEED);
    }

    @Test
    void overWebSocketALineFeedInAStringFieldIsADataErrorNamingTheRecordTheFieldAndTheFix() {
        assertThatThrownBy(() -> LINE.decode(record("m f=1 1\n" + NOTE_WITH_LINE_FEED)))
                .isInstanceOf(DataException.class)
                .hasMessage("record meters-3@42: field 's' holds a line feed, which TDengine's WebSocket schemaless"
                        + " writer cannot carry (it splits lines at every line feed); use a native connection.url"
                        + " (jdbc:TAOS://) or remove line feeds with an SMT");
    }

    @Test
    void overRestALineFeedInAStringFieldIsADataErrorNamingTaosAdaptersEndpoint() {
        PayloadDecoder decoder = new PayloadDecoder(SchemalessProtocol.LINE, Transport.REST);

        assertThatThrownBy(() -> decoder.decode(record("m a=1i32,my\\ note=\"x\ny\" 1")))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("record meters-3@42: field 'my note' holds a line feed")
                .hasMessageContaining("taosAdapter's REST schemaless writer (/influxdb/v1/write) cannot carry")
                .hasMessageContaining("jdbc:TAOS://");
    }

    @ParameterizedTest
    @EnumSource(
            value = Transport.class,
            names = {"WEBSOCKET", "REST"})
    void telnetKeepsSplittingAtEveryLineFeed(Transport transport) {
        PayloadDecoder decoder = new PayloadDecoder(SchemalessProtocol.TELNET, transport);

        assertThat(decoder.decode(record("m 1 \"a\nb\" t=x\n"))).containsExactly("m 1 \"a", "b\" t=x");
    }

    @Test
    void withTimestampMissingServerALineWithoutTimestampIsHandedOnAsItIs() {
        assertThat(LINE.decode(timestamped("m f=1\nm f=2 2", 1_796_316_133_135L)))
                .containsExactly("m f=1", "m f=2 2");
    }

    @Test
    void withTimestampMissingRecordEachLineWithoutTimestampGetsTheRecordsAfterCrlfAndBlankLinesAreDropped() {
        PayloadDecoder decoder = LINE.stampingRecordTimestamps(TimestampUnit.US);

        assertThat(decoder.decode(timestamped("m f=1\r\n\r\nm f=2 2\r\nm s=\"a b\"\r", 1_796_316_133_135L)))
                .containsExactly("m f=1 1796316133135000", "m f=2 2", "m s=\"a b\" 1796316133135000");
    }

    @Test
    void withTimestampMissingRecordALineWithoutTimestampInARecordWithoutOneIsADataError() {
        PayloadDecoder decoder = LINE.stampingRecordTimestamps(TimestampUnit.NS);

        assertThatThrownBy(() -> decoder.decode(record("m f=1")))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("record meters-3@42: a line has no timestamp")
                .hasMessageContaining("timestamp.missing");
    }

    @Test
    void telnetLinesAreNeverStamped() {
        PayloadDecoder decoder = new PayloadDecoder(SchemalessProtocol.TELNET, Transport.WEBSOCKET)
                .stampingRecordTimestamps(TimestampUnit.MS);

        assertThat(decoder.decode(timestamped("m f=1", 1_796_316_133_135L))).containsExactly("m f=1");
    }

    @Test
    void blankLinesAreSkipped() {
        assertThat(LINE.decode(record("\nm f=1 1\n\n   \n\r\n\tm f=2 2\n\n"))).containsExactly("m f=1 1", "\tm f=2 2");
    }

    @ParameterizedTest
    @EnumSource(
            value = SchemalessProtocol.class,
            names = {"LINE", "TELNET"})
    void anEmptyOrBlankValueIsADataErrorNamingTheRecord(SchemalessProtocol protocol) {
        PayloadDecoder decoder = new PayloadDecoder(protocol, Transport.WEBSOCKET);

        for (Object value : new Object[] {"", " \n\r\n", new byte[0]}) {
            assertThatThrownBy(() -> decoder.decode(record(value)))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("record meters-3@42")
                    .hasMessageContaining("no " + protocol.configValue() + " protocol line");
        }
    }

    @Test
    void withATableNameTagAJsonDataPointWhoseNamingTagIsNoStringIsADataErrorNamingTheTag() {
        PayloadDecoder decoder = new PayloadDecoder(SchemalessProtocol.JSON, Transport.REST, "device");
        String named = "{\"metric\":\"m\",\"timestamp\":1,\"value\":1,\"tags\":{\"device\":\"d1001\"}}";
        String numbered = "{\"metric\":\"m\",\"timestamp\":1,\"value\":1,\"tags\":{\"device\":5}}";
        String unnamed = "{\"metric\":\"m\",\"timestamp\":1,\"value\":1,\"tags\":{\"loc\":2}}";

        assertThat(decoder.decode(record(named))).containsExactly(named);
        assertThat(decoder.decode(record("[" + named + "," + unnamed + "]"))).hasSize(1);
        assertThatThrownBy(() -> decoder.decode(record("[" + named + "," + numbered + "]")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("record meters-3@42")
                .hasMessageContaining("tag 'device' (table.name.tag) is 5, not a JSON string");
        assertThat(JSON.decode(record(numbered))).containsExactly(numbered);
    }

    @Test
    void invalidUtf8IsADataError() {
        byte[] bytes = {'m', ' ', 'f', '=', (byte) 0xC3, (byte) 0x28, ' ', '1'};

        assertThatThrownBy(() -> LINE.decode(record(bytes)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("record meters-3@42")
                .hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> LINE.decode(record(ByteBuffer.wrap(bytes)))).isInstanceOf(DataException.class);
    }

    @ParameterizedTest
    @EnumSource(SchemalessProtocol.class)
    void aStructIsADataErrorNamingTheSmtForTheProtocol(SchemalessProtocol protocol) {
        Schema schema =
                SchemaBuilder.struct().field("current", Schema.FLOAT64_SCHEMA).build();
        Struct struct = new Struct(schema).put("current", 10.3);
        PayloadDecoder decoder = new PayloadDecoder(protocol, Transport.WEBSOCKET);

        assertThatThrownBy(() -> decoder.decode(new SinkRecord("meters", 3, null, null, schema, struct, 42)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("record meters-3@42")
                .hasMessageContaining("Struct")
                .hasMessageContaining("transforms.toTd.type=" + protocol.transformClass());
    }

    @Test
    void aMapIsADataErrorNamingTheSmt() {
        PayloadDecoder telnet = new PayloadDecoder(SchemalessProtocol.TELNET, Transport.WEBSOCKET);

        assertThatThrownBy(() -> telnet.decode(record(Map.of("metric", "m"))))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("com.taosdata.kafka.connect.transforms.ToTelnet$Value");
    }

    @Test
    void otherTypesAreDataErrorsToo() {
        assertThatThrownBy(() -> LINE.decode(record(42L)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("Long");
    }

    @Test
    void jsonIsOnePayloadWhateverItsLines() {
        String document = "[\n  {\"metric\":\"a\",\"timestamp\":1,\"value\":1,\"tags\":{\"t\":\"x\"}}\n]\n";

        assertThat(JSON.decode(record(document))).containsExactly(document.strip());
        assertThat(JSON.decode(record("  {\"metric\":\"a\"}  "))).containsExactly("{\"metric\":\"a\"}");
    }

    @Test
    void jsonMustStartWithAnObjectOrArray() {
        for (String value : new String[] {"m 1 2 t=a", "\"text\"", "", "42"}) {
            assertThatThrownBy(() -> JSON.decode(record(value)))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("record meters-3@42")
                    .hasMessageContaining("not an OpenTSDB JSON object or array");
        }
    }

    @Test
    void theRecordIsNamedByTheTopicItWasConsumedFrom() {
        SinkRecord renamed = SinkRecords.renamed("renamed", "meters", 3, 42, "");

        assertThatThrownBy(() -> LINE.decode(renamed)).hasMessageContaining("record meters-3@42");
    }
}
