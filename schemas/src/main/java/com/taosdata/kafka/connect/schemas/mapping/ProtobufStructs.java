package com.taosdata.kafka.connect.schemas.mapping;

import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * Structs that Protobuf converters hand over for what Protobuf means as one value or as no level of its own, told
 * apart by schema name and shape:
 *
 * <ul>
 *   <li>a wrapper ({@code google.protobuf.Int32Value} and the other eight of {@code wrappers.proto}): a Struct with one
 *       field {@code value}, named {@code Int32Value} by Confluent's converter ({@code google.protobuf.Int32Value} with
 *       {@code enhanced.protobuf.schema.support}) and by its full name by Apicurio's. It stands for its value: a
 *       nullable scalar.
 *   <li>a {@code google.protobuf.Timestamp} as a Struct of {@code seconds} and {@code nanos}, as Apicurio's converter
 *       hands it over (Confluent's makes it a Connect Timestamp itself). It stands for an {@link Instant}.
 *   <li>a {@code oneof}, which Confluent's converter makes a Struct field {@code <oneof>_<index>} named
 *       {@code io.confluent.connect.protobuf.Union.<oneof>}; Protobuf names its members as fields of the enclosing
 *       message, so they take the enclosing message's level (as Apicurio's converter, which inlines them, has them).
 * </ul>
 */
public final class ProtobufStructs {

    static final String WELL_KNOWN_PACKAGE = "google.protobuf.";
    static final String TIMESTAMP = "Timestamp";
    static final String UNION_PREFIX = "io.confluent.connect.protobuf.Union.";
    static final String WRAPPER_FIELD = "value";

    private static final Set<String> WRAPPERS = Set.of(
            "DoubleValue",
            "FloatValue",
            "Int64Value",
            "UInt64Value",
            "Int32Value",
            "UInt32Value",
            "BoolValue",
            "StringValue",
            "BytesValue");

    private ProtobufStructs() {}

    /** Whether values of {@code schema} are one value (a wrapper or a Timestamp Struct), not a level of fields. */
    public static boolean isValue(Schema schema) {
        return isTimestamp(schema) || wrapped(schema) != null;
    }

    /** Whether {@code schema} is a Confluent {@code oneof} Struct, whose members belong to the enclosing level. */
    public static boolean isOneof(Schema schema) {
        return schema.type() == Schema.Type.STRUCT
                && schema.name() != null
                && schema.name().startsWith(UNION_PREFIX);
    }

    /** Whether {@code schema} is a {@code google.protobuf.Timestamp} as a Struct of seconds and nanos. */
    public static boolean isTimestamp(Schema schema) {
        if (schema.type() != Schema.Type.STRUCT || !wellKnown(schema.name(), TIMESTAMP)) {
            return false;
        }
        List<Field> fields = schema.fields();
        return fields.size() == 2
                && typed(schema.field("seconds"), Schema.Type.INT64)
                && typed(schema.field("nanos"), Schema.Type.INT32);
    }

    /** The schema of a wrapper's value, or {@code null} when {@code schema} is no wrapper. */
    public static Schema wrapped(Schema schema) {
        if (schema.type() != Schema.Type.STRUCT
                || schema.name() == null
                || schema.fields().size() != 1) {
            return null;
        }
        String simple = schema.name().startsWith(WELL_KNOWN_PACKAGE)
                ? schema.name().substring(WELL_KNOWN_PACKAGE.length())
                : schema.name();
        Field value = schema.field(WRAPPER_FIELD);
        if (!WRAPPERS.contains(simple)
                || value == null
                || !value.schema().type().isPrimitive()) {
            return null;
        }
        return value.schema();
    }

    /**
     * The value a wrapper or Timestamp Struct stands for (the wrapped value, an {@link Instant}); any other value as
     * it is.
     *
     * @throws UnsupportedValueException for a Timestamp beyond what {@link Instant} holds
     */
    public static Object value(Object value) {
        if (!(value instanceof Struct struct)) {
            return value;
        }
        Schema schema = struct.schema();
        if (isTimestamp(schema)) {
            Long seconds = struct.getInt64("seconds");
            Integer nanos = struct.getInt32("nanos");
            try {
                // proto3 leaves zero fields out: a converter that maps absence to null means zero
                return Instant.ofEpochSecond(seconds == null ? 0 : seconds, nanos == null ? 0 : nanos);
            } catch (DateTimeException e) {
                throw new UnsupportedValueException(
                        "google.protobuf.Timestamp of " + seconds + " s is out of range for a point in time", e);
            }
        }
        if (wrapped(schema) != null) {
            return struct.get(WRAPPER_FIELD);
        }
        return value;
    }

    private static boolean wellKnown(String name, String simple) {
        return simple.equals(name) || (WELL_KNOWN_PACKAGE + simple).equals(name);
    }

    private static boolean typed(Field field, Schema.Type type) {
        return field != null && field.schema().type() == type && field.schema().name() == null;
    }
}
