package com.taosdata.kafka.connect.cli.client;

import java.util.List;
import java.util.Map;

/** {@code GET /connectors/{name}/offsets}: partitions and offsets are plugin-defined maps. */
public record ConnectorOffsets(List<Entry> offsets) {

    public ConnectorOffsets {
        offsets = offsets == null ? List.of() : List.copyOf(offsets);
    }

    /** One source or sink partition with its committed offset. */
    public record Entry(Map<String, Object> partition, Map<String, Object> offset) {}
}
