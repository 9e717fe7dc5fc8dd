package com.taosdata.kafka.connect.sink.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.taosdata.kafka.connect.connection.Transport;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.sink.config.SchemalessProtocol;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Turns a record value into the payloads of the configured protocol: a String or UTF-8 bytes holding one or more
 * lines (line, telnet) or one JSON object or array (json). Anything else is a data error that names the SMT to add.
 *
 * <p>A line-protocol string field value may hold a raw line feed (see {@link LineSplitter}). Only the native writer
 * hands TDengine one line per array element and stores it; over WebSocket and REST taosAdapter splits the text at
 * every line feed, quoted or not, and rejects the pieces, so there such a record is a data error naming the field.
 *
 * <p>With {@code table.name.tag}, an OpenTSDB JSON data point whose naming tag is not a JSON string is a data error
 * naming the tag: a real taosAdapter 3.3.6.13 exited on such a request (a number for the tag named by
 * {@code table_name_key}), which would stop every client of that taosAdapter.
 *
 * <p>With {@code timestamp.missing=record} a line-protocol line without a timestamp gets its record's Kafka timestamp
 * ({@link RecordTimestamps}); with {@code server} lines are not scanned for one.
 */
public final class PayloadDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemalessProtocol protocol;
    private final Transport transport;
    private final String tableNameTag;
    /** Null with {@code timestamp.missing=server}: lines are handed on as they are. */
    private final RecordTimestamps recordTimestamps;

    PayloadDecoder(SchemalessProtocol protocol, Transport transport) {
        this(protocol, transport, null);
    }

    public PayloadDecoder(SchemalessProtocol protocol, Transport transport, String tableNameTag) {
        this(protocol, transport, tableNameTag, null);
    }

    private PayloadDecoder(
            SchemalessProtocol protocol, Transport transport, String tableNameTag, RecordTimestamps recordTimestamps) {
        this.protocol = protocol;
        this.transport = transport;
        this.tableNameTag = tableNameTag;
        this.recordTimestamps = recordTimestamps;
    }

    /**
     * This decoder, also giving each line-protocol line without a timestamp its record's Kafka timestamp in
     * {@code precision} ({@code timestamp.missing=record}). OpenTSDB payloads always carry their timestamp.
     */
    public PayloadDecoder stampingRecordTimestamps(TimestampUnit precision) {
        return new PayloadDecoder(protocol, transport, tableNameTag, new RecordTimestamps(precision));
    }

    /** The record's payloads; a {@link DataException} names the record and what is wrong with it. */
    public List<String> decode(SinkRecord record) {
        String text = text(record);
        if (protocol == SchemalessProtocol.JSON) {
            String json = text.strip();
            if (!json.startsWith("{") && !json.startsWith("[")) {
                throw error(record, "value is not an OpenTSDB JSON object or array");
            }
            if (tableNameTag != null) {
                checkTableNameTags(record, json);
            }
            return List.of(json);
        }
        List<String> lines =
                protocol == SchemalessProtocol.LINE ? LineSplitter.lineProtocol(text) : LineSplitter.telnet(text);
        if (lines.isEmpty()) {
            throw error(record, "value holds no " + protocol.configValue() + " protocol line");
        }
        if (transport != Transport.NATIVE) {
            for (String line : lines) {
                if (line.indexOf('\n') >= 0) {
                    throw lineFeedError(record, LineSplitter.fieldHoldingLineFeed(line));
                }
            }
        }
        if (recordTimestamps != null && protocol == SchemalessProtocol.LINE) {
            recordTimestamps.stamp(record, lines);
        }
        return lines;
    }

    /** Every data point's table name tag, where present, must be a JSON string. */
    private void checkTableNameTags(SinkRecord record, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // Not JSON at all: TDengine rejects it with its own code, and the batch writer isolates the record.
            return;
        }
        for (JsonNode point : root.isArray() ? root : List.of(root)) {
            JsonNode name = point.path("tags").get(tableNameTag);
            if (name != null && !name.isTextual()) {
                throw error(
                        record,
                        "tag '" + tableNameTag + "' (table.name.tag) is " + name + ", not a JSON string;"
                                + " taosAdapter cannot take a table name that is no string (3.3.6.13 exits on it)");
            }
        }
    }

    private DataException lineFeedError(SinkRecord record, String field) {
        String writer = transport == Transport.REST
                ? "taosAdapter's REST schemaless writer (/influxdb/v1/write)"
                : "TDengine's WebSocket schemaless writer";
        return error(
                record,
                "field '" + field + "' holds a line feed, which " + writer + " cannot carry (it splits"
                        + " lines at every line feed); use a native connection.url (" + Transport.NATIVE.prefix()
                        + ") or remove line feeds with an SMT");
    }

    private String text(SinkRecord record) {
        Object value = record.value();
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof byte[]) {
            return utf8(record, ByteBuffer.wrap((byte[]) value));
        }
        if (value instanceof ByteBuffer) {
            return utf8(record, ((ByteBuffer) value).duplicate());
        }
        String type = value.getClass().getSimpleName();
        throw error(
                record,
                "value of type " + type + " cannot be written as " + protocol.configValue()
                        + " protocol; the sink takes strings or UTF-8 bytes. Convert structured records with the SMT "
                        + protocol.transformClass() + " (transforms=toTd, transforms.toTd.type="
                        + protocol.transformClass() + ")");
    }

    private static String utf8(SinkRecord record, ByteBuffer bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            throw error(record, "value is not valid UTF-8 (" + e.getMessage() + ")");
        }
    }

    static DataException error(SinkRecord record, String problem) {
        return new DataException(RecordIds.describe(record) + ": " + problem);
    }
}
