package com.taosdata.kafka.connect.transforms.encode;

import com.taosdata.kafka.connect.schemas.RenderOptions;
import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import com.taosdata.kafka.connect.schemas.ValueKind;
import com.taosdata.kafka.connect.schemas.mapping.ColumnMapping;

/**
 * OpenTSDB telnet: {@code <metric> <timestamp> <value> <tagk>=<tagv> …}, one line per field, joined by
 * {@code \n}. TDengine's telnet parser splits on spaces and {@code =} and knows no escapes, so names and values
 * containing them are data errors; it also requires at least one tag.
 */
public final class TelnetEncoder extends OpenTsdbEncoder {

    public TelnetEncoder(RenderOptions options, String separator) {
        super(options, separator);
    }

    @Override
    public void appendTag(StringBuilder tags, String key, CharSequence value, int index) {
        tags.append(' ');
        appendToken(tags, key, "tag key", true);
        tags.append('=');
        appendToken(tags, value, "tag value", true);
    }

    @Override
    void begin(StringBuilder out) {
        // telnet lines have no envelope
    }

    @Override
    void appendDataPoint(
            StringBuilder out,
            int index,
            CharSequence metric,
            long timestamp,
            ColumnMapping mapping,
            Object value,
            CharSequence tags,
            int tagCount) {
        if (tagCount == 0) {
            throw new UnsupportedValueException("OpenTSDB telnet needs at least one non-empty tag");
        }
        if (index > 0) {
            out.append('\n');
        }
        appendToken(out, metric, "metric", false);
        out.append(' ').append(timestamp).append(' ');
        if (mapping.kind() == ValueKind.STRING) {
            scratch.setLength(0);
            mapping.appendPlainValue(scratch, value, options);
            out.append(options.stringType().linePrefix());
            appendToken(out, scratch, "string value", false);
            out.append('"');
        } else {
            mapping.appendPlainValue(out, value, options);
        }
        out.append(tags);
    }

    @Override
    void end(StringBuilder out) {
        // telnet lines have no envelope
    }

    private static void appendToken(StringBuilder out, CharSequence text, String what, boolean rejectEquals) {
        if (text.length() == 0) {
            throw new UnsupportedValueException("empty " + what + " cannot be written in OpenTSDB telnet");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\n' || c == '\r' || (rejectEquals && c == '=')) {
                String found = c == ' ' ? "a space" : c == '=' ? "'='" : "a line break";
                throw new UnsupportedValueException(
                        what + " contains " + found + ", which OpenTSDB telnet cannot" + " escape");
            }
            out.append(c);
        }
    }
}
