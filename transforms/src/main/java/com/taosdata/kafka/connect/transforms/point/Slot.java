package com.taosdata.kafka.connect.transforms.point;

import com.taosdata.kafka.connect.schemas.mapping.ColumnMapping;

/**
 * One planned tag or field: where to read it, its column name, and its mapping when the schema fixes it
 * ({@code null}: decided per value, and a container value is flattened).
 */
final class Slot {

    final Accessor accessor;
    final String key;
    final ColumnMapping mapping;
    /** A member of a Protobuf {@code oneof}: null when another member is set, which is no missing value. */
    final boolean alternative;

    Slot(Accessor accessor, String key, ColumnMapping mapping, boolean alternative) {
        this.accessor = accessor;
        this.key = key;
        this.mapping = mapping;
        this.alternative = alternative;
    }

    String dotted() {
        return accessor.path().dotted();
    }
}
