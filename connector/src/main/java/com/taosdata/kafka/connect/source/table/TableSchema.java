package com.taosdata.kafka.connect.source.table;

import com.taosdata.kafka.connect.schemas.TimestampUnit;
import java.util.List;
import java.util.Optional;

/**
 * The columns and tags of a table (the first column being the primary timestamp) plus what is needed to read
 * them: the database and its timestamp precision, and the measurement rows are reported under.
 */
public record TableSchema(String database, String measurement, TimestampUnit precision, List<ColumnDef> columns) {

    public TableSchema {
        columns = List.copyOf(columns);
        if (columns.isEmpty() || columns.get(0).role() != ColumnDef.Role.TIMESTAMP) {
            throw new IllegalArgumentException("the first column of " + measurement + " must be its timestamp");
        }
    }

    public ColumnDef timestamp() {
        return columns.get(0);
    }

    /** The second primary key column of a table with a composite key: rows may then share a timestamp. */
    public Optional<ColumnDef> compositeKey() {
        return columns.stream()
                .filter(c -> c.role() == ColumnDef.Role.PRIMARY_KEY)
                .findFirst();
    }

    public boolean hasTags() {
        return columns.stream().anyMatch(ColumnDef::isTag);
    }
}
