package com.taosdata.kafka.connect.source.query;

import java.util.Map;

/** Source partitions of query mode: one per table, {@code {"database": <db>, "table": <table>}}. */
public final class SourcePartitions {

    static final String DATABASE_KEY = "database";
    static final String TABLE_KEY = "table";

    private SourcePartitions() {
    }

    public static Map<String, String> table(String database, String table) {
        return Map.of(DATABASE_KEY, database, TABLE_KEY, table);
    }
}
