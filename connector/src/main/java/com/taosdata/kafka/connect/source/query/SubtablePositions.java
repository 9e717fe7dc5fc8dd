package com.taosdata.kafka.connect.source.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The subtables a query over several subtables reads, each with its own position ({@code null}: not read yet), and
 * where the next window must start so that every row past any of their positions is in it.
 */
final class SubtablePositions {

    private final Set<String> tables = new TreeSet<>();
    private final Map<String, TablePosition> positions = new HashMap<>();

    void add(String table, TablePosition position) {
        tables.add(table);
        positions.put(table, position);
    }

    /** Takes {@code table} out; returns its position. */
    TablePosition remove(String table) {
        tables.remove(table);
        return positions.remove(table);
    }

    boolean contains(String table) {
        return tables.contains(table);
    }

    boolean isEmpty() {
        return tables.isEmpty();
    }

    int size() {
        return tables.size();
    }

    /** The subtables' names, in order. */
    Collection<String> names() {
        return Collections.unmodifiableSet(tables);
    }

    TablePosition position(String table) {
        return positions.get(table);
    }

    void moved(Map<String, TablePosition> moved) {
        positions.putAll(moved);
    }

    /**
     * The lowest position, which a subtable read on its own must have reached to join without taking the query back:
     * {@code null} when there are no subtables, {@link Long#MIN_VALUE} when one has not been read.
     */
    Long lowest() {
        Long lowest = null;
        for (String table : tables) {
            TablePosition position = positions.get(table);
            if (position == null) {
                // Unread subtables share a window that starts at the beginning: anyone may join.
                return Long.MIN_VALUE;
            }
            lowest = lowest == null ? position.timestamp() : Math.min(lowest, position.timestamp());
        }
        return lowest;
    }

    /**
     * Where the next window starts, up to {@code until}: after the lowest position (at it when rows may share a
     * timestamp), or at {@code start} ({@code null}: the first row) while a subtable has not been read.
     */
    QueryBounds lowerBound(Long start, boolean compositeKey, long until) {
        TablePosition lowest = null;
        boolean unread = false;
        for (String table : tables) {
            TablePosition position = positions.get(table);
            if (position == null) {
                unread = true;
            } else if (lowest == null || position.timestamp() < lowest.timestamp()) {
                lowest = position;
            }
        }
        if (unread) {
            Long lower = start == null ? null : lowest == null ? start : Math.min(start, lowest.timestamp());
            return new QueryBounds(lower, true, 0, until);
        }
        return new QueryBounds(lowest.timestamp(), compositeKey, 0, until);
    }

    /** Rows sent at each read subtable's position timestamp, which a window starting at that timestamp skips. */
    Map<String, Long> sentAtPositions() {
        Map<String, Long> sent = new HashMap<>();
        positions.forEach((table, position) -> {
            if (position != null) {
                sent.put(table, position.rowsAtTimestamp());
            }
        });
        return sent;
    }

    /** The subtables a window up to {@code upper} left behind: not {@code moved} by it, and with a position before its end. */
    List<String> idle(Set<String> moved, long upper) {
        List<String> idle = new ArrayList<>();
        for (String table : tables) {
            TablePosition position = positions.get(table);
            if (!moved.contains(table) && (position == null || position.timestamp() < upper)) {
                idle.add(table);
            }
        }
        return idle;
    }
}
