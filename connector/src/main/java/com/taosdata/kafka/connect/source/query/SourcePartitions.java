package com.taosdata.kafka.connect.source.query;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Source partitions of query mode: one per table, {@code {"database": <db>, "table": <table>}}, always in that key
 * order. Connect finds a partition's committed offset by the serialized partition, byte for byte, so the order must
 * not depend on the JVM: {@code Map.of}'s iteration order does, and a restarted worker then misses its offsets. It is
 * also the order in which Connect's offsets REST API hands partitions over (read back by its JSON converter into a
 * {@code HashMap}), so that offsets an operator sets or resets are found.
 */
public final class SourcePartitions {

    public static final String DATABASE_KEY = "database";
    public static final String TABLE_KEY = "table";

    private SourcePartitions() {}

    public static Map<String, String> table(String database, String table) {
        Map<String, String> partition = new LinkedHashMap<>(2);
        partition.put(DATABASE_KEY, database);
        partition.put(TABLE_KEY, table);
        return partition;
    }
}
