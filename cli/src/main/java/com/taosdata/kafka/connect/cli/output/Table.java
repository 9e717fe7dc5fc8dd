package com.taosdata.kafka.connect.cli.output;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Help.Ansi;

/**
 * Left-aligned columns sized to their widest cell, in terminal columns (a CJK character takes two); the last column is
 * never padded. Not picocli's TextTable: that one pads by characters, so a row with a CJK name would push its
 * columns out of line.
 */
public final class Table {

    private final List<String[]> rows = new ArrayList<>();
    private final Map<Integer, UnaryOperator<String>> styles = new HashMap<>();

    public Table(String... header) {
        rows.add(header);
    }

    public Table row(String... cells) {
        rows.add(cells);
        return this;
    }

    /** Styles a column's body cells (e.g. colours) after the widths are computed from the plain text. */
    public Table style(int column, UnaryOperator<String> styler) {
        styles.put(column, styler);
        return this;
    }

    public List<String> render() {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], width(cell(row, i)));
            }
        }
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = cell(row, i);
                UnaryOperator<String> styler = styles.get(i);
                line.append(r > 0 && styler != null && !cell.isEmpty() ? styler.apply(cell) : cell);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - width(cell) + 2));
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** Columns a text takes on a terminal: two for each wide (CJK) character, as picocli's help layout counts them. */
    private static int width(String text) {
        return Ansi.OFF.apply(text, List.of()).getCJKAdjustedLength();
    }

    private static String cell(String[] row, int i) {
        return i < row.length && row[i] != null ? row[i] : "";
    }
}
