package com.taosdata.kafka.connect.transforms.encode;

import com.taosdata.kafka.connect.transforms.point.Point;

/** Writes a {@link Point} in one text protocol. Instances keep scratch buffers and are not thread-safe. */
public interface PointEncoder {

    /**
     * Appends the encoded point to {@code out}.
     *
     * @throws com.taosdata.kafka.connect.transforms.point.FieldValueException when a value or name cannot be
     *     written, naming the column
     */
    void encode(Point point, StringBuilder out);
}
