package com.taosdata.kafka.connect.source.table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which tables the {@code stables} and {@code tables} include lists select: the subtables of the listed super
 * tables plus the listed tables, or every table when both lists are empty. Names match exactly, as TDengine
 * reports them.
 */
public final class TableSelection {

    private final Set<String> stables;
    private final Set<String> tables;

    public TableSelection(Collection<String> stables, Collection<String> tables) {
        this.stables = Set.copyOf(stables);
        this.tables = Set.copyOf(tables);
    }

    public boolean selectsEverything() {
        return stables.isEmpty() && tables.isEmpty();
    }

    /** Query mode: the subtables and normal tables to poll, sorted. */
    public List<SourceTable> tablesToQuery(Collection<SourceTable> all) {
        Set<SourceTable> selected = new TreeSet<>();
        for (SourceTable table : all) {
            if (selectsEverything()
                    || tables.contains(table.name())
                    || (table.stable() != null && stables.contains(table.stable()))) {
                selected.add(table);
            }
        }
        return new ArrayList<>(selected);
    }

    /**
     * Subscription mode: what TDengine topics are created on: each selected super table as a whole (so subtables
     * created later are included), each selected normal table, and each listed subtable whose super table is not
     * selected.
     */
    public List<SourceTable> tablesToSubscribe(Collection<String> allStables, Collection<SourceTable> all) {
        Set<SourceTable> selected = new TreeSet<>();
        for (String stable : allStables) {
            if (selectsEverything() || stables.contains(stable)) {
                selected.add(SourceTable.superTable(stable));
            }
        }
        for (SourceTable table : all) {
            boolean normalSelected = table.stable() == null && (selectsEverything() || tables.contains(table.name()));
            boolean subtableListed = table.stable() != null
                    && tables.contains(table.name())
                    && !stables.contains(table.stable())
                    && !selectsEverything();
            if (normalSelected || subtableListed) {
                selected.add(table);
            }
        }
        return new ArrayList<>(selected);
    }

    /** Listed super tables the database does not have, for validation. */
    public List<String> missingStables(Collection<String> allStables) {
        return stables.stream().filter(s -> !allStables.contains(s)).sorted().toList();
    }

    /** Listed tables the database does not have, for validation. */
    public List<String> missingTables(Collection<SourceTable> all) {
        Set<String> names = new TreeSet<>();
        all.forEach(t -> names.add(t.name()));
        return tables.stream().filter(t -> !names.contains(t)).sorted().toList();
    }
}
