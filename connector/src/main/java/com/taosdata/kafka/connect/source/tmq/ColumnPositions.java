package com.taosdata.kafka.connect.source.tmq;

import com.taosdata.kafka.connect.source.table.ColumnDef;
import java.util.List;

/**
 * Where a table's columns sit in the rows of its TDengine topic: found by label once per labels array (the
 * deserializer shares one array among the rows of the same columns), not per row.
 */
final class ColumnPositions {

    private final List<ColumnDef> columns;
    private String[] labels;
    private int[] positions;

    ColumnPositions(List<ColumnDef> columns) {
        this.columns = columns;
    }

    /** For each column of the table, its index in rows labelled {@code rowLabels}; -1 where a row has no such column. */
    int[] in(String[] rowLabels) {
        if (rowLabels != labels) {
            int[] found = new int[columns.size()];
            for (int i = 0; i < found.length; i++) {
                found[i] = indexOf(rowLabels, columns.get(i).name());
            }
            labels = rowLabels;
            positions = found;
        }
        return positions;
    }

    static int indexOf(String[] labels, String label) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].equals(label)) {
                return i;
            }
        }
        return -1;
    }
}
