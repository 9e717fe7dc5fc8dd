package com.taosdata.kafka.connect.schemas.mapping;

import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;

/**
 * Picks the {@link ColumnMapping} for a Connect schema (logical name first, then type) or, for schemaless data,
 * for a Java value. STRUCT and MAP have no mapping: they are containers that callers flatten.
 */
public final class ColumnMappingRegistry {

    private static final ColumnMappingRegistry DEFAULTS = new ColumnMappingRegistry(List.of(
            new Int8Mapping(), new Int16Mapping(), new Int32Mapping(), new Int64Mapping(),
            new Float32Mapping(), new Float64Mapping(), new BooleanMapping(), new StringMapping(),
            new BytesMapping(), new ArrayMapping(), new DecimalMapping(), new DateMapping(), new TimeMapping(),
            new TimestampMapping()));

    private final Map<String, ColumnMapping> byKey = new HashMap<>();

    /** A registry of {@code mappings}; a later mapping replaces an earlier one with the same key. */
    public ColumnMappingRegistry(Collection<? extends ColumnMapping> mappings) {
        for (ColumnMapping mapping : mappings) {
            for (String key : mapping.registrationKeys()) {
                byKey.put(key, mapping);
            }
        }
    }

    /** The built-in mappings for every Connect type and the logical types Decimal, Date, Time, Timestamp. */
    public static ColumnMappingRegistry defaults() {
        return DEFAULTS;
    }

    /** Whether values of {@code schema} are flattened into their members instead of mapped. */
    public static boolean isContainer(Schema schema) {
        return schema.type() == Schema.Type.STRUCT || schema.type() == Schema.Type.MAP;
    }

    /** Whether a schemaless value is flattened into its members instead of mapped. */
    public static boolean isContainer(Object value) {
        return value instanceof Map || value instanceof Struct;
    }

    /**
     * The mapping for {@code schema}: by its logical name when one is registered, otherwise by its type.
     *
     * @throws UnsupportedValueException for STRUCT and MAP schemas
     */
    public ColumnMapping forSchema(Schema schema) {
        if (schema.name() != null) {
            ColumnMapping logical = byKey.get(schema.name());
            if (logical != null) {
                return logical;
            }
        }
        ColumnMapping mapping = byKey.get(schema.type().name());
        if (mapping == null) {
            throw new UnsupportedValueException("no TDengine mapping for Connect type " + schema.type()
                    + "; structs and maps are flattened, not mapped");
        }
        return mapping;
    }

    /**
     * The mapping for a value of schemaless data, by its Java class as Connect's converters produce it; a
     * {@link Date} is taken as a Timestamp.
     *
     * @throws UnsupportedValueException for containers and classes Connect does not produce
     */
    public ColumnMapping forValue(Object value) {
        ColumnMapping mapping = byKey.get(keyOf(value));
        if (mapping == null) {
            throw new UnsupportedValueException("no TDengine mapping for a value of " + value.getClass().getName());
        }
        return mapping;
    }

    private static String keyOf(Object value) {
        if (value instanceof String) {
            return "STRING";
        } else if (value instanceof Long) {
            return "INT64";
        } else if (value instanceof Double) {
            return "FLOAT64";
        } else if (value instanceof Integer) {
            return "INT32";
        } else if (value instanceof Boolean) {
            return "BOOLEAN";
        } else if (value instanceof Float) {
            return "FLOAT32";
        } else if (value instanceof Short) {
            return "INT16";
        } else if (value instanceof Byte) {
            return "INT8";
        } else if (value instanceof BigDecimal) {
            return Decimal.LOGICAL_NAME;
        } else if (value instanceof Date) {
            return Timestamp.LOGICAL_NAME;
        } else if (value instanceof byte[] || value instanceof ByteBuffer) {
            return "BYTES";
        } else if (value instanceof List) {
            return "ARRAY";
        }
        return "";
    }
}
