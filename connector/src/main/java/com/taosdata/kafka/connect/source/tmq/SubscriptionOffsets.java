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
 * {@code {"offset": <the record's TMQ message offset>, "position": <where the vgroup resumes>}}; only
 * {@code position} is read back, {@code offset} is for people reading the offsets.
 */
public final class SubscriptionOffsets {

    public static final String DATABASE_KEY = "database";
    public static final String TOPIC_KEY = "topic";
    public static final String VGROUP_KEY = "vgroup";
    public static final String OFFSET_KEY = "offset";
    public static final String POSITION_KEY = "position";

    private SubscriptionOffsets() {}

    /** The source partition of {@code vgroup}; never changed once made, since Connect keeps it with every record. */
    public static Map<String, Object> partition(String database, TmqPartition vgroup) {
        Map<String, Object> partition = new LinkedHashMap<>(4);
        partition.put(DATABASE_KEY, database);
        partition.put(VGROUP_KEY, vgroup.vgroup());
        partition.put(TOPIC_KEY, vgroup.topic());
        return Collections.unmodifiableMap(partition);
    }

    static Map<String, Object> offset(long messageOffset, long position) {
        return Map.of(OFFSET_KEY, messageOffset, POSITION_KEY, position);
    }

    /** The position an offset Connect stored holds; {@code null} for no offset or one without a position. */
    static Long position(Map<String, Object> offset) {
        Object position = offset == null ? null : offset.get(POSITION_KEY);
        return position instanceof Number number ? number.longValue() : null;
    }
}
