package com.taosdata.kafka.connect.transforms.point;

import com.taosdata.kafka.connect.schemas.RenderOptions;
import com.taosdata.kafka.connect.transforms.config.EncodingConfig;
import com.taosdata.kafka.connect.transforms.config.FieldPath;
import com.taosdata.kafka.connect.transforms.config.NullHandling;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The parts of the configuration that decide which values go where, resolved once. */
final class PointSettings {

    final String measurement;
    final FieldPath measurementField;
    final FieldPath tableNameField;
    final List<FieldPath> tags;
    final List<FieldPath> fields;
    final FieldPath timestampField;
    final String separator;
    final NullHandling nullHandling;
    final TimestampResolver timestamps;
    final RenderOptions renderOptions;
    /**
     * Dotted paths never written as fields: tags, the timestamp, measurement and table name fields. A HashSet, not
     * {@code Set.copyOf}: schemaless records look every member up here, and the immutable set's probe divides.
     */
    final Set<String> excluded;

    PointSettings(EncodingConfig config) {
        this.measurement = config.measurement();
        this.measurementField = config.measurementField();
        this.tableNameField = config.tableNameField();
        this.tags = config.tags();
        this.fields = config.fields();
        this.timestampField = config.timestampField();
        this.separator = config.fieldSeparator();
        this.nullHandling = config.nullHandling();
        this.renderOptions = config.renderOptions();
        this.timestamps = new TimestampResolver(config.timestampUnit(), renderOptions.precision());
        Set<String> paths = new HashSet<>();
        for (FieldPath tag : tags) {
            paths.add(tag.dotted());
        }
        if (timestampField != null) {
            paths.add(timestampField.dotted());
        }
        if (measurementField != null) {
            paths.add(measurementField.dotted());
        }
        if (tableNameField != null) {
            paths.add(tableNameField.dotted());
        }
        this.excluded = paths;
    }
}
