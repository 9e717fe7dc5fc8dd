package com.taosdata.kafka.connect.sink.write;

import com.taosdata.kafka.connect.naming.Identifiers;
import com.taosdata.kafka.connect.sink.row.TypedRow;
import com.taosdata.kafka.connect.sink.table.StableColumn;
import com.taosdata.kafka.connect.sink.table.StableSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Multi-table INSERT statements for typed rows:
 * {@code INSERT INTO db.child USING db.stable (tags) TAGS (…) (columns) VALUES (…)(…) db.child2 (columns) VALUES …}.
 * Rows are grouped per child table, in the order their tables first appear, each table's rows in record order, so a
 * later record of a timestamp overwrites an earlier one. A group names only the columns its rows have values for. A
 * child table not {@linkplain KnownChildTables known} to exist gets the {@code USING … TAGS} clause, which creates it
 * when missing (an existing one keeps its tags); a known one does not. Statements stay below
 * {@link #MAX_STATEMENT_CHARS}, under TDengine's 1 MB statement limit even when every character takes three bytes.
 */
final class SqlInserts {

    static final int MAX_STATEMENT_CHARS = 300_000;
    private static final String INSERT_INTO = "INSERT INTO ";

    private SqlInserts() {}

    /**
     * The statements, and the first row of each group that names its super table: their child tables are known to
     * exist once TDengine has acknowledged the statements.
     */
    record Inserts(List<String> statements, List<TypedRow> newTables) {}

    static Inserts build(String database, List<TypedRow> rows, KnownChildTables known) {
        return build(database, rows, known, MAX_STATEMENT_CHARS);
    }

    static Inserts build(String database, List<TypedRow> rows, KnownChildTables known, int maxChars) {
        Map<Group, List<TypedRow>> groups = new LinkedHashMap<>();
        for (TypedRow row : rows) {
            groups.computeIfAbsent(new Group(row.schema(), row.childTable()), g -> new ArrayList<>())
                    .add(row);
        }
        List<String> statements = new ArrayList<>();
        List<TypedRow> newTables = new ArrayList<>();
        StringBuilder sql = new StringBuilder(Math.min(maxChars, 64 * rows.size() + 64));
        for (Map.Entry<Group, List<TypedRow>> entry : groups.entrySet()) {
            List<TypedRow> group = entry.getValue();
            boolean[] present = presentColumns(group);
            Group key = entry.getKey();
            boolean using = !known.contains(key.schema(), key.childTable());
            if (using) {
                newTables.add(group.get(0));
            }
            String header = header(database, key, group.get(0), present, using);
            if (sql.length() == 0) {
                sql.append(INSERT_INTO);
            }
            int headerStart = sql.length();
            sql.append(header);
            int rowsAfterHeader = 0;
            for (TypedRow row : group) {
                int mark = sql.length();
                appendValues(sql, row, present);
                boolean cut = sql.length() > maxChars && (rowsAfterHeader > 0 || headerStart > INSERT_INTO.length());
                if (cut) {
                    // The statement ends before this row, or before this group's header when it has no row yet.
                    sql.setLength(rowsAfterHeader > 0 ? mark : headerStart);
                    statements.add(sql.toString().stripTrailing());
                    sql.setLength(0);
                    sql.append(INSERT_INTO);
                    headerStart = sql.length();
                    sql.append(header);
                    appendValues(sql, row, present);
                    rowsAfterHeader = 0;
                }
                rowsAfterHeader++;
            }
            sql.append(' ');
        }
        if (sql.length() > 0) {
            statements.add(sql.toString().stripTrailing());
        }
        return new Inserts(statements, newTables);
    }

    /** Which of the schema's columns any row of the group has a value for. */
    private static boolean[] presentColumns(List<TypedRow> group) {
        boolean[] present = new boolean[group.get(0).columns().length];
        for (TypedRow row : group) {
            Object[] values = row.columns();
            for (int i = 0; i < values.length; i++) {
                present[i] |= values[i] != null;
            }
        }
        return present;
    }

    private static String header(String database, Group group, TypedRow first, boolean[] present, boolean using) {
        StableSchema schema = group.schema();
        StringBuilder header = new StringBuilder(128);
        header.append(Identifiers.quote(database)).append('.').append(Identifiers.quote(group.childTable()));
        if (using) {
            appendUsing(header, database, schema, first);
        }
        header.append(" (").append(Identifiers.quote(schema.timestamp().name()));
        List<StableColumn> columns = schema.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (present[i]) {
                header.append(',').append(Identifiers.quote(columns.get(i).name()));
            }
        }
        return header.append(") VALUES ").toString();
    }

    private static void appendUsing(StringBuilder header, String database, StableSchema schema, TypedRow first) {
        header.append(" USING ")
                .append(Identifiers.quote(database))
                .append('.')
                .append(Identifiers.quote(schema.name()))
                .append(" (");
        List<StableColumn> tags = schema.tags();
        for (int i = 0; i < tags.size(); i++) {
            header.append(i == 0 ? "" : ",")
                    .append(Identifiers.quote(tags.get(i).name()));
        }
        header.append(") TAGS (");
        for (int i = 0; i < tags.size(); i++) {
            header.append(i == 0 ? "" : ",");
            SqlLiterals.append(header, first.tags()[i]);
        }
        header.append(')');
    }

    private static void appendValues(StringBuilder sql, TypedRow row, boolean[] present) {
        sql.append('(').append(row.timestamp());
        Object[] values = row.columns();
        for (int i = 0; i < values.length; i++) {
            if (present[i]) {
                sql.append(',');
                SqlLiterals.append(sql, values[i]);
            }
        }
        sql.append(')');
    }

    /** A child table's rows of one schema version: a schema that changed in the batch starts a new group. */
    private record Group(StableSchema schema, String childTable) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Group other && other.schema == schema && other.childTable.equals(childTable);
        }

        @Override
        public int hashCode() {
            return Objects.hash(System.identityHashCode(schema), childTable);
        }
    }
}
