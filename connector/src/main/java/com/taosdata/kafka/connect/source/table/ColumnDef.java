package com.taosdata.kafka.connect.source.table;

import com.taosdata.kafka.connect.schemas.source.TdengineColumnType;

/** One column or tag of a TDengine table, as DESCRIBE shows it. */
public record ColumnDef(String name, TdengineColumnType type, Role role) {

    /** What the column is in its table. */
    public enum Role {
        /** The first column: the table's primary timestamp. */
        TIMESTAMP,
        /** The second part of a composite primary key. */
        PRIMARY_KEY,
        /** An ordinary data column. */
        COLUMN,
        /** A tag of the super table. */
        TAG
    }

    public boolean isTag() {
        return role == Role.TAG;
    }
}
