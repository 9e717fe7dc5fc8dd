package com.taosdata.kafka.connect.transforms.support;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

/**
 * Avro → Connect the way Schema Registry converters do it (records → Structs, nullable unions → optional,
 * decimal/date/time-millis/timestamp-millis → Connect logical types, enums → strings), for tests only.
 */
public final class AvroToConnect {

    private static final long DAY_MILLIS = 86_400_000L;

    private AvroToConnect() {}

    public static Schema schema(org.apache.avro.Schema avro) {
        return builder(avro).build();
    }

    private static SchemaBuilder builder(org.apache.avro.Schema avro) {
        LogicalType logical = avro.getLogicalType();
        switch (avro.getType()) {
            case RECORD:
                SchemaBuilder struct = SchemaBuilder.struct().name(avro.getFullName());
                for (org.apache.avro.Schema.Field field : avro.getFields()) {
                    struct.field(field.name(), schema(field.schema()));
                }
                return struct;
            case UNION:
                List<org.apache.avro.Schema> types = avro.getTypes();
                if (types.size() != 2 || types.get(0).getType() != org.apache.avro.Schema.Type.NULL) {
                    throw new IllegalArgumentException("only [null, X] unions: " + avro);
                }
                return builder(types.get(1)).optional();
            case STRING:
            case ENUM:
                return SchemaBuilder.string();
            case INT:
                if (logical instanceof LogicalTypes.Date) {
                    return org.apache.kafka.connect.data.Date.builder();
                }
                return logical instanceof LogicalTypes.TimeMillis ? Time.builder() : SchemaBuilder.int32();
            case LONG:
                return logical instanceof LogicalTypes.TimestampMillis ? Timestamp.builder() : SchemaBuilder.int64();
            case FLOAT:
                return SchemaBuilder.float32();
            case DOUBLE:
                return SchemaBuilder.float64();
            case BOOLEAN:
                return SchemaBuilder.bool();
            case BYTES:
                if (logical instanceof LogicalTypes.Decimal) {
                    return Decimal.builder(((LogicalTypes.Decimal) logical).getScale());
                }
                return SchemaBuilder.bytes();
            case MAP:
                return SchemaBuilder.map(Schema.STRING_SCHEMA, schema(avro.getValueType()));
            case ARRAY:
                return SchemaBuilder.array(schema(avro.getElementType()));
            default:
                throw new IllegalArgumentException("unsupported Avro type " + avro.getType());
        }
    }

    /** Converts a value read with {@code GenericDatumReader} to the Connect value of {@link #schema}. */
    public static Object value(Schema schema, Object avro) {
        if (avro == null) {
            return null;
        }
        if (schema.name() != null) {
            switch (schema.name()) {
                case Decimal.LOGICAL_NAME:
                    ByteBuffer buffer = ((ByteBuffer) avro).duplicate();
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    return new BigDecimal(
                            new BigInteger(bytes),
                            Integer.parseInt(schema.parameters().get("scale")));
                case org.apache.kafka.connect.data.Date.LOGICAL_NAME:
                    return new Date(((Integer) avro) * DAY_MILLIS);
                case Time.LOGICAL_NAME:
                    return new Date((Integer) avro);
                case Timestamp.LOGICAL_NAME:
                    return new Date((Long) avro);
                default:
                    break;
            }
        }
        switch (schema.type()) {
            case STRUCT:
                GenericRecord record = (GenericRecord) avro;
                Struct struct = new Struct(schema);
                for (Field field : schema.fields()) {
                    struct.put(field, value(field.schema(), record.get(field.name())));
                }
                return struct;
            case STRING:
                return avro.toString();
            case BYTES:
                ByteBuffer buffer = ((ByteBuffer) avro).duplicate();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return bytes;
            case MAP:
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) avro).entrySet()) {
                    map.put(entry.getKey().toString(), value(schema.valueSchema(), entry.getValue()));
                }
                return map;
            case ARRAY:
                List<Object> list = new ArrayList<>();
                for (Object element : (List<?>) avro) {
                    list.add(value(schema.valueSchema(), element));
                }
                return list;
            default:
                return avro;
        }
    }
}
