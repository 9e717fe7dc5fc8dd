package com.taosdata.kafka.connect.sink;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

import com.taosdata.kafka.connect.config.SchemalessProtocol;

/**
 * Turns a record value into the payloads of the configured protocol: a String or UTF-8 bytes holding one or more
 * lines (line, telnet) or one JSON object or array (json). Anything else is a data error that names the SMT to add.
 */
final class PayloadDecoder {

    private final SchemalessProtocol protocol;

    PayloadDecoder(SchemalessProtocol protocol) {
        this.protocol = protocol;
    }

    /** The record's payloads; a {@link DataException} names the record and what is wrong with it. */
    List<String> decode(SinkRecord record) {
        String text = text(record);
        if (protocol == SchemalessProtocol.JSON) {
            String json = text.strip();
            if (!json.startsWith("{") && !json.startsWith("[")) {
                throw error(record, "value is not an OpenTSDB JSON object or array");
            }
            return List.of(json);
        }
        List<String> lines = new ArrayList<>(1);
        int start = 0;
        int length = text.length();
        while (start <= length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            if (!text.substring(start, stop).isBlank()) {
                lines.add(text.substring(start, stop));
            }
            start = end + 1;
        }
        if (lines.isEmpty()) {
            throw error(record, "value holds no " + protocol.configValue() + " protocol line");
        }
        return lines;
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
        throw error(record, "value of type " + type + " cannot be written as " + protocol.configValue()
                + " protocol; the sink takes strings or UTF-8 bytes. Convert structured records with the SMT "
                + protocol.transformClass() + " (transforms=toTd, transforms.toTd.type=" + protocol.transformClass() + ")");
    }

    private static String utf8(SinkRecord record, ByteBuffer bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
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
