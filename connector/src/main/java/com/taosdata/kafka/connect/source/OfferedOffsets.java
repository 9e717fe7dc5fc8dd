package com.taosdata.kafka.connect.source;

import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.schemas.text.JsonWriter;
import com.taosdata.kafka.connect.source.query.SourcePartitions;
import com.taosdata.kafka.connect.source.query.TablePosition;
import com.taosdata.kafka.connect.source.tmq.SubscriptionOffsets;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Checks the offsets an operator offers ({@code PATCH /connectors/NAME/offsets}) against what the source reads back:
 * a query-mode table, partition {@code {"database", "table"}} with offset {@code {"ts", "rows", "precision"}}
 * ({@link TablePosition}), or a subscription-mode vgroup, partition {@code {"database", "vgroup", "topic"}} with
 * offset {@code {"offset", "position", "skip"}} ({@link SubscriptionOffsets}). Both shapes are accepted whatever
 * {@code read.method} says, since the offsets of the other method stay in Connect's store and show in what
 * {@code GET /connectors/NAME/offsets} answers. A {@code null} offset resets the partition.
 *
 * <p>Partition keys must come in the order the connector writes them: Connect finds a partition's offset by the
 * serialized partition, byte for byte, so the same keys in another order are a partition the connector never reads.
 * Connect hands them over in the order its JSON converter reads them back in, whatever order the request had; the
 * connector writes its partitions in that order, and this check keeps it so.
 */
final class OfferedOffsets {

    private static final List<String> TABLE_PARTITION =
            List.of(SourcePartitions.DATABASE_KEY, SourcePartitions.TABLE_KEY);
    private static final List<String> VGROUP_PARTITION =
            List.of(SubscriptionOffsets.DATABASE_KEY, SubscriptionOffsets.VGROUP_KEY, SubscriptionOffsets.TOPIC_KEY);
    private static final Set<String> TABLE_OFFSET =
            Set.of(TablePosition.TS_KEY, TablePosition.ROWS_KEY, TablePosition.PRECISION_KEY);
    private static final Set<String> VGROUP_OFFSET =
            Set.of(SubscriptionOffsets.OFFSET_KEY, SubscriptionOffsets.POSITION_KEY, SubscriptionOffsets.SKIP_KEY);

    private OfferedOffsets() {}

    /** @throws ConnectException naming every partition whose partition or offset is not of a shape the source reads */
    static void check(Map<Map<String, ?>, Map<String, ?>> offsets) {
        List<String> problems = new ArrayList<>();
        offsets.forEach((partition, offset) -> {
            String problem = problem(partition, offset);
            if (problem != null) {
                problems.add("source partition " + json(partition) + ": " + problem);
            }
        });
        if (!problems.isEmpty()) {
            throw new ConnectException("offsets not altered: " + String.join("; ", problems));
        }
    }

    private static String problem(Map<String, ?> partition, Map<String, ?> offset) {
        if (partition == null) {
            return "a partition is required";
        }
        List<String> keys = new ArrayList<>(partition.keySet());
        if (keys.equals(TABLE_PARTITION)) {
            return strings(partition, SourcePartitions.TABLE_KEY)
                    ? tableOffsetProblem(offset)
                    : "database and table must be strings";
        }
        if (keys.equals(VGROUP_PARTITION)) {
            if (!strings(partition, SubscriptionOffsets.TOPIC_KEY)
                    || integer(partition.get(SubscriptionOffsets.VGROUP_KEY)) == null) {
                return "database and topic must be strings and vgroup an integer";
            }
            return vgroupOffsetProblem(offset);
        }
        if (Set.copyOf(keys).equals(Set.copyOf(TABLE_PARTITION))
                || Set.copyOf(keys).equals(Set.copyOf(VGROUP_PARTITION))) {
            return "its keys must come in the order the connector writes them, "
                    + String.join(", ", keys.size() == 2 ? TABLE_PARTITION : VGROUP_PARTITION)
                    + " (Connect matches a partition by its "
                    + "serialized form, so in another order it is one the connector never reads)";
        }
        return "not a partition of this connector: query mode's are {\"database\", \"table\"}, subscription mode's "
                + "{\"database\", \"vgroup\", \"topic\"}";
    }

    /** Whether the partition's database and its {@code name} key (table or topic) are strings. */
    private static boolean strings(Map<String, ?> partition, String name) {
        return partition.get(SourcePartitions.DATABASE_KEY) instanceof String && partition.get(name) instanceof String;
    }

    private static String tableOffsetProblem(Map<String, ?> offset) {
        if (offset == null) {
            return null;
        }
        String unknown = unknownKeys(offset, TABLE_OFFSET);
        if (unknown != null) {
            return unknown + " (a query-mode offset has ts, rows and precision)";
        }
        if (integer(offset.get(TablePosition.TS_KEY)) == null) {
            return "ts must be an integer timestamp, counted in precision, got "
                    + json(offset.get(TablePosition.TS_KEY));
        }
        Long rows = integer(offset.get(TablePosition.ROWS_KEY));
        if (rows == null || rows < 0) {
            return "rows must be an integer of 0 or more (rows at ts already sent; 0 reads the rows at ts), got "
                    + json(offset.get(TablePosition.ROWS_KEY));
        }
        Object precision = offset.get(TablePosition.PRECISION_KEY);
        if (precision != null
                && TimestampUnit.precisions().stream()
                        .noneMatch(u -> u.configValue().equals(precision))) {
            return "precision must be ms, us or ns, got " + json(precision);
        }
        return null;
    }

    private static String vgroupOffsetProblem(Map<String, ?> offset) {
        if (offset == null) {
            return null;
        }
        String unknown = unknownKeys(offset, VGROUP_OFFSET);
        if (unknown != null) {
            return unknown + " (a subscription-mode offset has position and skip, and offset for reference)";
        }
        Long position = integer(offset.get(SubscriptionOffsets.POSITION_KEY));
        if (position == null || position < 0) {
            return "position must be a TMQ offset, an integer of 0 or more, got "
                    + json(offset.get(SubscriptionOffsets.POSITION_KEY));
        }
        Object skip = offset.get(SubscriptionOffsets.SKIP_KEY);
        Long rows = integer(skip);
        if (skip != null && (rows == null || rows < 0)) {
            return "skip must be an integer of 0 or more (rows read from position before the point to resume at), got "
                    + json(skip);
        }
        Object messageOffset = offset.get(SubscriptionOffsets.OFFSET_KEY);
        if (messageOffset != null && integer(messageOffset) == null) {
            return "offset must be an integer, got " + json(messageOffset);
        }
        return null;
    }

    private static String unknownKeys(Map<String, ?> offset, Set<String> known) {
        List<String> unknown = offset.keySet().stream()
                .filter(k -> !known.contains(k))
                .sorted()
                .toList();
        return unknown.isEmpty()
                ? null
                : "unknown key" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown);
    }

    /** The value as a long when it is an integer that fits one; JSON numbers arrive as Integer, Long or BigInteger. */
    private static Long integer(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < Long.SIZE) {
            return big.longValue();
        }
        return null;
    }

    private static String json(Object value) {
        StringBuilder out = new StringBuilder();
        JsonWriter.appendValue(out, value);
        return out.toString();
    }
}
