package com.taosdata.kafka.connect.transforms.point;

import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import com.taosdata.kafka.connect.schemas.mapping.ProtobufStructs;
import com.taosdata.kafka.connect.transforms.config.FieldPath;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * Reads the value at a field path from a Struct or Map, through nested Structs and Maps. Struct steps whose
 * {@link Field} is known from the schema skip the name lookup.
 */
final class Accessor {

    private final FieldPath path;
    private final String[] names;
    private final Field[] fields;

    private Accessor(FieldPath path, Field[] fields) {
        this.path = path;
        this.names = path.names().toArray(new String[0]);
        this.fields = fields;
    }

    /** An accessor that looks every name up at run time (schemaless data). */
    static Accessor dynamic(FieldPath path) {
        return new Accessor(path, new Field[path.names().size()]);
    }

    /** An accessor with the Struct fields of {@code schema} resolved; steps into maps stay dynamic. */
    static Accessor resolved(FieldPath path, Schema schema) {
        List<String> names = path.names();
        Field[] fields = new Field[names.size()];
        Schema current = schema;
        for (int i = 0; i < names.size() && current != null; i++) {
            if (current.type() == Schema.Type.STRUCT) {
                Field field = current.field(names.get(i));
                fields[i] = field;
                current = field == null ? null : field.schema();
            } else if (current.type() == Schema.Type.MAP) {
                current = current.valueSchema();
            } else {
                current = null;
            }
        }
        return new Accessor(path, fields);
    }

    FieldPath path() {
        return path;
    }

    /**
     * The value, or {@code null} when it or any container on the way is null or absent; a Struct standing for one
     * value (a Protobuf wrapper or Timestamp) as that value.
     *
     * @throws FieldValueException when that value cannot be had
     */
    Object get(Object root) {
        Object current = root;
        for (int i = 0; i < names.length && current != null; i++) {
            if (current instanceof Struct) {
                Struct struct = (Struct) current;
                if (fields[i] != null) {
                    current = struct.get(fields[i]);
                } else {
                    Field field = struct.schema().field(names[i]);
                    current = field == null ? null : struct.get(field);
                }
            } else if (current instanceof Map) {
                current = ((Map<?, ?>) current).get(names[i]);
            } else {
                current = null;
            }
        }
        try {
            return ProtobufStructs.value(current);
        } catch (UnsupportedValueException e) {
            throw new FieldValueException(path.dotted(), e.getMessage(), e);
        }
    }
}
