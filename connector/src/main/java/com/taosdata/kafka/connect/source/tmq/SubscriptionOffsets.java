package com.taosdata.kafka.connect.source.tmq;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Source partitions and offsets of subscription mode. A partition is a vgroup of a TDengine topic,
 * {@code {"database": <db>, "vgroup": <id>, "topic": <TDengine topic>}}, always in that key order: Connect finds a
 * partition's committed offset by the serialized partition, byte for byte, and its offsets REST API (GET, PATCH,
 * DELETE) hands partitions over as its JSON converter reads them back, in a {@code HashMap}, whose order for these
 * keys is this one; in any other order, offsets an operator sets or resets would be stored under a partition the
 * tasks never look up. An offset is
 * {@code {"offset": <the record's TMQ message offset>, "position": <a position between two WAL entries>, "skip": <the
 * vgroup's rows from there up to and including the record>}} ({@link ReadPosition}); {@code position} and {@code skip}
 * are read back ({@code skip} may be left out, for 0), {@code offset} is for people reading the offsets.
 */
public final class SubscriptionOffsets {

    public static final String DATABASE_KEY = "database";
    public static final String TOPIC_KEY = "topic";
    public static final String VGROUP_KEY = "vgroup";
    public static final String OFFSET_KEY = "offset";
    public static final String POSITION_KEY = "position";
    public static final String SKIP_KEY = "skip";

    private SubscriptionOffsets() {}

    /** The source partition of {@code vgroup}; never changed once made, since Connect keeps it with every record. */
    public static Map<String, Object> partition(String database, TmqPartition vgroup) {
        Map<String, Object> partition = new LinkedHashMap<>(4);
        partition.put(DATABASE_KEY, database);
        partition.put(VGROUP_KEY, vgroup.vgroup());
        partition.put(TOPIC_KEY, vgroup.topic());
        return Collections.unmodifiableMap(partition);
    }

    static Map<String, Object> offset(long messageOffset, ReadPosition point) {
        return Map.of(OFFSET_KEY, messageOffset, POSITION_KEY, point.position(), SKIP_KEY, point.skip());
    }

    /**
     * The point an offset Connect stored holds, a missing or null {@code skip} counting as 0; {@code null} for no
     * offset, or one without a position or with a negative position or skip ({@code alterOffsets} refuses those, so
     * only a hand-written store holds them).
     */
    static ReadPosition point(Map<String, Object> offset) {
        Object position = offset == null ? null : offset.get(POSITION_KEY);
        Object skip = offset == null || offset.get(SKIP_KEY) == null ? Long.valueOf(0) : offset.get(SKIP_KEY);
        if (!(position instanceof Number p) || !(skip instanceof Number s) || p.longValue() < 0 || s.longValue() < 0) {
            return null;
        }
        return new ReadPosition(p.longValue(), s.longValue());
    }
}
