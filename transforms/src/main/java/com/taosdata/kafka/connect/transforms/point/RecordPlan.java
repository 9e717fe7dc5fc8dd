package com.taosdata.kafka.connect.transforms.point;

import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import com.taosdata.kafka.connect.schemas.mapping.ColumnMapping;
import com.taosdata.kafka.connect.schemas.mapping.ProtobufStructs;
import com.taosdata.kafka.connect.transforms.config.FieldPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;

/**
 * What to read from records of one schema, worked out once: accessors, column names and mappings of the
 * measurement field, tags, fields and timestamp. Built from a Struct schema, everything the schema fixes is
 * resolved; built for schemaless data ({@code schema == null}), the fields are found per record.
 */
final class RecordPlan {

    /** TDengine's longest table name; a longer table-name tag is cut to this and could merge two tables. */
    static final int MAX_TABLE_NAME_BYTES = 192;

    private final PointSettings settings;
    private final ValueFlattener flattener;
    private final Accessor measurement;
    private final Accessor timestamp;
    private final Accessor tableName;
    private final String tableNameKey;
    private final Slot[] tags;
    private final Slot[] fields;
    private final Schema rootSchema;

    RecordPlan(PointSettings settings, Schema schema) {
        this.settings = settings;
        this.rootSchema = schema;
        this.flattener = new ValueFlattener(settings);
        this.measurement = settings.measurementField == null ? null : accessor(settings.measurementField, schema);
        this.timestamp = settings.timestampField == null ? null : accessor(settings.timestampField, schema);
        this.tableName = settings.tableNameField == null ? null : accessor(settings.tableNameField, schema);
        this.tableNameKey = settings.tableNameField == null ? null : columnName(settings.tableNameField.names());
        List<Slot> tagSlots = new ArrayList<>();
        for (FieldPath tag : settings.tags) {
            tagSlots.add(new Slot(
                    accessor(tag, schema), columnName(tag.names()), leafMapping(schemaAt(schema, tag.names())), false));
        }
        this.tags = tagSlots.toArray(new Slot[0]);
        List<Slot> fieldSlots = new ArrayList<>();
        if (settings.fields.isEmpty()) {
            planMembers(schema, List.of(), fieldSlots);
        } else {
            for (FieldPath field : settings.fields) {
                planPath(schema, field.names(), fieldSlots);
            }
        }
        this.fields = fieldSlots.toArray(new Slot[0]);
    }

    /** Fills {@code point} from {@code root} (a Struct of this plan's schema, or a Map). */
    void fill(Object root, String topic, Long recordTimestamp, Point point) {
        point.measurement(
                measurement == null
                        ? (settings.measurement == null ? topic : settings.measurement)
                        : measurementName(root));
        if (tableName != null) {
            String name = tableName(root);
            point.addTag(tableNameKey, ColumnMapping.forValue(name), name);
        }
        for (Slot tag : tags) {
            Object value = tag.accessor.get(root);
            if (value == null) {
                continue;
            }
            // a mapping the schema fixed is a leaf's: its value needs no test
            if (tag.mapping == null && ColumnMapping.isContainer(value)) {
                throw new FieldValueException(tag.dotted(), "a tag must be a single value, not a struct or map");
            }
            point.addTag(tag.key, tag.mapping != null ? tag.mapping : mappingOf(null, value, tag.dotted()), value);
        }
        for (Slot field : fields) {
            Object value = field.accessor.get(root);
            if (value == null && field.alternative) {
                continue;
            }
            if (value != null && field.mapping != null) {
                // the schema fixed a leaf's mapping: nothing is left to decide per record
                point.addField(field.key, field.mapping, value);
            } else if (field.mapping == null && ColumnMapping.isContainer(value)) {
                flattener.flatten(value, field.dotted(), field.key, point);
            } else {
                flattener.leaf(field.dotted(), field.key, field.mapping, value, point);
            }
        }
        point.timestamp(
                timestamp == null
                        ? settings.timestamps.fromRecord(recordTimestamp)
                        : settings.timestamps.fromValue(
                                timestamp.get(root), timestamp.path().dotted()));
        if (point.fields().size() == 0) {
            throw new FieldValueException(
                    "<fields>", "no field left to write: every field is null, excluded or" + " absent");
        }
    }

    private String measurementName(Object root) {
        Object value = measurement.get(root);
        String path = measurement.path().dotted();
        if (value == null) {
            throw new FieldValueException(path, "measurement field is missing or null");
        }
        return plainText(value, path, "measurement field");
    }

    private String tableName(Object root) {
        Object value = tableName.get(root);
        String path = tableName.path().dotted();
        if (value == null) {
            throw new FieldValueException(path, "table name field is missing or null");
        }
        String name = plainText(value, path, "table name field");
        if (name.isEmpty()) {
            throw new FieldValueException(path, "table name field is empty");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_TABLE_NAME_BYTES) {
            throw new FieldValueException(
                    path,
                    "table name is " + bytes + " bytes long; TDengine table names have" + " at most "
                            + MAX_TABLE_NAME_BYTES + " bytes and it would cut this one short");
        }
        return name;
    }

    /** A single value as text: a String itself, anything else as its mapping writes it unquoted. */
    private String plainText(Object value, String path, String what) {
        if (value instanceof String) {
            return (String) value;
        }
        if (ColumnMapping.isContainer(value)) {
            throw new FieldValueException(path, what + " must be a single value, not a struct or map");
        }
        StringBuilder text = new StringBuilder();
        mappingOf(null, value, path).appendPlainValue(text, value, settings.renderOptions);
        return text.toString();
    }

    /** The mapping the schema fixed, or the one for the value's class. */
    private ColumnMapping mappingOf(ColumnMapping planned, Object value, String path) {
        if (planned != null) {
            return planned;
        }
        try {
            return ColumnMapping.forValue(value);
        } catch (UnsupportedValueException e) {
            throw new FieldValueException(path, e.getMessage(), e);
        }
    }

    /** Plans a configured field path: a leaf, or every member of the struct it names. */
    private void planPath(Schema root, List<String> names, List<Slot> out) {
        Schema schema = schemaAt(root, names);
        if (schema != null && isLevel(schema)) {
            planMembers(schema, names, out);
        } else {
            out.add(slot(names, schema));
        }
    }

    /**
     * Plans the members of a struct, recursing into nested structs (a Protobuf {@code oneof} adds no name to its
     * members' columns); maps are flattened per record.
     */
    private void planMembers(Schema struct, List<String> prefix, List<Slot> out) {
        if (struct == null || struct.type() != Schema.Type.STRUCT) {
            out.add(slot(prefix, null));
            return;
        }
        for (Field field : struct.fields()) {
            List<String> names = new ArrayList<>(prefix);
            names.add(field.name());
            if (settings.excluded.contains(FieldPath.of(names).dotted())) {
                continue;
            }
            if (isLevel(field.schema())) {
                planMembers(field.schema(), names, out);
            } else {
                out.add(slot(names, field.schema()));
            }
        }
    }

    private static boolean isLevel(Schema schema) {
        return schema.type() == Schema.Type.STRUCT && ColumnMapping.isContainer(schema);
    }

    private Slot slot(List<String> names, Schema leafSchema) {
        FieldPath path = FieldPath.of(names);
        return new Slot(
                accessor(path, rootSchema),
                columnName(names),
                leafMapping(leafSchema),
                withoutOneofs(names).size() < names.size());
    }

    /** The column name of a path: its names joined by {@code field.separator}, without those of oneof Structs. */
    private String columnName(List<String> names) {
        return FieldPath.of(withoutOneofs(names)).columnName(settings.separator);
    }

    /** The names of a path less those of the oneof Structs on it. */
    private List<String> withoutOneofs(List<String> names) {
        List<String> kept = new ArrayList<>(names.size());
        Schema current = rootSchema;
        for (String name : names) {
            Field field = current != null && current.type() == Schema.Type.STRUCT ? current.field(name) : null;
            current = field == null ? null : field.schema();
            if (current == null || !ProtobufStructs.isOneof(current)) {
                kept.add(name);
            }
        }
        return kept;
    }

    private ColumnMapping leafMapping(Schema leafSchema) {
        if (leafSchema == null || ColumnMapping.isContainer(leafSchema)) {
            return null;
        }
        return ColumnMapping.forSchema(leafSchema);
    }

    private static Accessor accessor(FieldPath path, Schema schema) {
        return schema == null ? Accessor.dynamic(path) : Accessor.resolved(path, schema);
    }

    /** The schema at {@code names} below {@code schema}, or {@code null} when unknown or absent. */
    static Schema schemaAt(Schema schema, List<String> names) {
        Schema current = schema;
        for (String name : names) {
            if (current == null) {
                return null;
            }
            if (current.type() == Schema.Type.STRUCT) {
                Field field = current.field(name);
                current = field == null ? null : field.schema();
            } else if (current.type() == Schema.Type.MAP) {
                current = current.valueSchema();
            } else {
                return null;
            }
        }
        return current;
    }
}
