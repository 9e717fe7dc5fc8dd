package com.taosdata.kafka.connect.transforms.config;

import com.taosdata.kafka.connect.schemas.TimestampUnit;
import java.util.List;

/**
 * The three text protocols TDengine's schemaless writer reads. OpenTSDB's two recognise only second and
 * millisecond timestamps (by their length), so they write milliseconds.
 */
public enum OutputProtocol {
    LINE(TimestampUnit.NS, TimestampUnit.precisions()),
    TELNET(TimestampUnit.MS, List.of(TimestampUnit.MS)),
    JSON(TimestampUnit.MS, List.of(TimestampUnit.MS));

    private final TimestampUnit defaultPrecision;
    private final List<TimestampUnit> precisions;

    OutputProtocol(TimestampUnit defaultPrecision, List<TimestampUnit> precisions) {
        this.defaultPrecision = defaultPrecision;
        this.precisions = precisions;
    }

    public TimestampUnit defaultPrecision() {
        return defaultPrecision;
    }

    /** The output precisions the protocol can carry. */
    public List<TimestampUnit> precisions() {
        return precisions;
    }
}
