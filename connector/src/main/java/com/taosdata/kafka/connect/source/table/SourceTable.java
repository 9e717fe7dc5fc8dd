package com.taosdata.kafka.connect.source.table;

import java.util.Comparator;
import java.util.Objects;

/**
 * A table the source reads: a subtable with its super table, a normal table ({@code stable} null), or, in
 * subscription mode, a super table itself ({@code name} equal to {@code stable}).
 */
public record SourceTable(String name, String stable) implements Comparable<SourceTable> {

    private static final Comparator<SourceTable> ORDER = Comparator.comparing(SourceTable::name)
            .thenComparing(SourceTable::stable, Comparator.nullsFirst(Comparator.naturalOrder()));

    public SourceTable {
        Objects.requireNonNull(name, "name");
    }

    public static SourceTable normal(String name) {
        return new SourceTable(name, null);
    }

    public static SourceTable superTable(String name) {
        return new SourceTable(name, name);
    }

    /** What names the row's kind: the super table's name, or the normal table's own name. */
    public String measurement() {
        return stable == null ? name : stable;
    }

    @Override
    public int compareTo(SourceTable other) {
        return ORDER.compare(this, other);
    }
}
