package com.taosdata.kafka.connect.schemas.text;

import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * A minimal JSON writer for Connect values (primitives, Structs, Maps, Lists), appending to a caller's
 * StringBuilder. It exists so the plugin needs no JSON library of its own at run time.
 */
public final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonWriter() {
    }

    /** Appends {@code value} as JSON: Structs and Maps become objects, Lists arrays, bytes base64 strings. */
    public static void appendValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String) {
            appendString(out, (String) value);
        } else if (value instanceof Boolean) {
            out.append(((Boolean) value).booleanValue());
        } else if (value instanceof Double || value instanceof Float) {
            appendFloating(out, ((Number) value).doubleValue());
        } else if (value instanceof BigDecimal) {
            out.append(((BigDecimal) value).toPlainString());
        } else if (value instanceof Number) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Date) {
            out.append(((Date) value).getTime());
        } else if (value instanceof byte[]) {
            appendString(out, Base64.getEncoder().encodeToString((byte[]) value));
        } else if (value instanceof ByteBuffer) {
            ByteBuffer copy = ((ByteBuffer) value).duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            appendString(out, Base64.getEncoder().encodeToString(bytes));
        } else if (value instanceof Struct) {
            appendStruct(out, (Struct) value);
        } else if (value instanceof Map) {
            appendMap(out, (Map<?, ?>) value);
        } else if (value instanceof Collection) {
            appendCollection(out, (Collection<?>) value);
        } else {
            appendString(out, value.toString());
        }
    }

    /** Appends a JSON string literal, quotes included. */
    public static void appendString(StringBuilder out, CharSequence text) {
        out.append('"');
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    /** Appends a finite double; JSON has no NaN or Infinity. */
    public static void appendFloating(StringBuilder out, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new UnsupportedValueException(value + " cannot be written as JSON");
        }
        out.append(value);
    }

    private static void appendStruct(StringBuilder out, Struct struct) {
        out.append('{');
        boolean first = true;
        for (Field field : struct.schema().fields()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            appendString(out, field.name());
            out.append(':');
            appendValue(out, struct.get(field));
        }
        out.append('}');
    }

    private static void appendMap(StringBuilder out, Map<?, ?> map) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            appendString(out, String.valueOf(entry.getKey()));
            out.append(':');
            appendValue(out, entry.getValue());
        }
        out.append('}');
    }

    private static void appendCollection(StringBuilder out, Collection<?> values) {
        out.append('[');
        boolean first = true;
        for (Object element : values) {
            if (!first) {
                out.append(',');
            }
            first = false;
            appendValue(out, element);
        }
        out.append(']');
    }
}
