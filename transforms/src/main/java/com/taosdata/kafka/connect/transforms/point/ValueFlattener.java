package com.taosdata.kafka.connect.transforms.point;

import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import com.taosdata.kafka.connect.schemas.mapping.ColumnMapping;
import com.taosdata.kafka.connect.schemas.mapping.ProtobufStructs;
import com.taosdata.kafka.connect.transforms.config.NullHandling;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * Flattens containers known only at run time (schemaless Maps, Map-typed Struct fields) into fields: member
 * names are joined by {@code .} for matching configured paths and by {@code field.separator} for column names. A
 * Protobuf {@code oneof} Struct adds no name to its members' columns, and a wrapper or Timestamp Struct is one value
 * ({@link ProtobufStructs}).
 */
final class ValueFlattener {

    private final PointSettings settings;

    ValueFlattener(PointSettings settings) {
        this.settings = settings;
    }

    /** Adds every leaf under {@code container}, skipping excluded paths. */
    void flatten(Object container, String dottedPrefix, String keyPrefix, Point point) {
        if (container instanceof Struct) {
            Struct struct = (Struct) container;
            boolean oneof = ProtobufStructs.isOneof(struct.schema());
            for (Field field : struct.schema().fields()) {
                Object value = struct.get(field);
                if (value == null && oneof) {
                    // an unset member of a oneof means another one is set, not that a value is missing
                    continue;
                }
                ColumnMapping mapping =
                        ColumnMapping.isContainer(field.schema()) ? null : ColumnMapping.forSchema(field.schema());
                member(field.name(), value, mapping, dottedPrefix, keyPrefix, point);
            }
        } else {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) container).entrySet()) {
                member(String.valueOf(entry.getKey()), entry.getValue(), null, dottedPrefix, keyPrefix, point);
            }
        }
    }

    private void member(
            String name, Object value, ColumnMapping mapping, String dottedPrefix, String keyPrefix, Point point) {
        String dotted = dottedPrefix.isEmpty() ? name : dottedPrefix + '.' + name;
        if (settings.excluded.contains(dotted)) {
            return;
        }
        String key = keyPrefix.isEmpty() ? name : keyPrefix + settings.separator + name;
        Object single;
        try {
            single = ProtobufStructs.value(value);
        } catch (UnsupportedValueException e) {
            throw new FieldValueException(dotted, e.getMessage(), e);
        }
        if (single instanceof Struct struct && ProtobufStructs.isOneof(struct.schema())) {
            flatten(single, dotted, keyPrefix, point);
        } else if (ColumnMapping.isContainer(single)) {
            flatten(single, dotted, key, point);
        } else {
            leaf(dotted, key, mapping, single, point);
        }
    }

    /** Adds one non-container value, applying {@code null.handling}. */
    void leaf(String dotted, String key, ColumnMapping mapping, Object value, Point point) {
        if (value == null) {
            if (settings.nullHandling == NullHandling.FAIL) {
                throw new FieldValueException(dotted, "value is null and null.handling=fail");
            }
            return;
        }
        try {
            point.addField(key, mapping != null ? mapping : ColumnMapping.forValue(value), value);
        } catch (UnsupportedValueException e) {
            throw new FieldValueException(dotted, e.getMessage(), e);
        }
    }
}
