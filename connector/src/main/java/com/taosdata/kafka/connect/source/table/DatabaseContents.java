package com.taosdata.kafka.connect.source.table;

import java.util.List;

/** The super tables and the subtables and normal tables of the source database at one moment. */
public record DatabaseContents(List<String> stables, List<SourceTable> tables) {

    public DatabaseContents {
        stables = List.copyOf(stables);
        tables = List.copyOf(tables);
    }
}
