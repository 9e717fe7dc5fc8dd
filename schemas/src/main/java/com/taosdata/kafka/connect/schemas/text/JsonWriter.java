package com.taosdata.kafka.connect.schemas.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * Writes Connect values (primitives, Structs, Maps, Lists) as JSON with jackson's generator, appending to a
 * caller's StringBuilder. Jackson knows nothing of Structs, Connect's logical types or ByteBuffers; this class
 * walks them.
 */
public final class JsonWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private JsonWriter() {}

    /**
     * Appends {@code value} as JSON: Structs and Maps become objects, Lists arrays, bytes base64 strings, Dates
     * epoch milliseconds, decimals their plain digits.
     *
     * @throws UnsupportedValueException for NaN and the infinities, which JSON cannot represent
     */
    public static void appendValue(StringBuilder out, Object value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(text)) {
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        out.append(text.getBuffer());
    }

    /** Appends a JSON string literal, quotes included. */
    public static void appendString(StringBuilder out, CharSequence text) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(text, out);
        out.append('"');
    }

    private static void write(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String) {
            generator.writeString((String) value);
        } else if (value instanceof Boolean) {
            generator.writeBoolean((Boolean) value);
        } else if (value instanceof Double || value instanceof Float) {
            generator.writeNumber(finite(((Number) value).doubleValue()));
        } else if (value instanceof BigDecimal) {
            generator.writeNumber((BigDecimal) value);
        } else if (value instanceof Number) {
            generator.writeNumber(((Number) value).longValue());
        } else if (value instanceof Date) {
            generator.writeNumber(((Date) value).getTime());
        } else if (value instanceof byte[]) {
            generator.writeBinary((byte[]) value);
        } else if (value instanceof ByteBuffer) {
            ByteBuffer copy = ((ByteBuffer) value).duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            generator.writeBinary(bytes);
        } else if (value instanceof Struct) {
            writeStruct(generator, (Struct) value);
        } else if (value instanceof Map) {
            writeMap(generator, (Map<?, ?>) value);
        } else if (value instanceof Collection) {
            generator.writeStartArray();
            for (Object element : (Collection<?>) value) {
                write(generator, element);
            }
            generator.writeEndArray();
        } else {
            generator.writeString(value.toString());
        }
    }

    /** Jackson would write NaN and the infinities as strings; a number column must not silently become text. */
    private static double finite(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new UnsupportedValueException(value + " cannot be written as JSON");
        }
        return value;
    }

    private static void writeStruct(JsonGenerator generator, Struct struct) throws IOException {
        generator.writeStartObject();
        for (Field field : struct.schema().fields()) {
            generator.writeFieldName(field.name());
            write(generator, struct.get(field));
        }
        generator.writeEndObject();
    }

    private static void writeMap(JsonGenerator generator, Map<?, ?> map) throws IOException {
        generator.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            generator.writeFieldName(String.valueOf(entry.getKey()));
            write(generator, entry.getValue());
        }
        generator.writeEndObject();
    }
}
