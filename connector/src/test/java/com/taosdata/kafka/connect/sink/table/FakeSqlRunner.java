package com.taosdata.kafka.connect.sink.table;

import com.taosdata.kafka.connect.connection.TDengineException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TDengine as typed writes see it: super tables created and altered by the statements the sink sends, described back
 * as TDengine would, and every INSERT kept as sent. A failure can be scripted per statement.
 */
public final class FakeSqlRunner implements SqlRunner {

    private static final Pattern CREATE =
            Pattern.compile("CREATE STABLE IF NOT EXISTS `([^`]+)`\\.`([^`]+)` \\((.*)\\) TAGS \\((.*)\\)");
    private static final Pattern ALTER =
            Pattern.compile("ALTER STABLE `([^`]+)`\\.`([^`]+)` (ADD|MODIFY) (COLUMN|TAG) `([^`]+)` (.+)");
    private static final Pattern DEFINITION =
            Pattern.compile("`([^`]+)` ([A-Z ]+?)(?:\\((\\d+)(?:,(\\d+))?\\))?(?:, |$)");

    private final Map<String, List<StableColumn>> tables = new LinkedHashMap<>();
    private final List<String> statements = new ArrayList<>();
    private final List<String> inserts = new ArrayList<>();
    /** Answers a statement with a failure, or {@code null} to run it. */
    private Function<String, TDengineException> failures = sql -> null;
    /** Answers a {@code DESCRIBE} of {@code database.table} with a failure, or {@code null} to run it. */
    private Function<String, TDengineException> describeFailures = table -> null;

    private final List<String> described = new ArrayList<>();
    private boolean closed;

    /** A super table that exists before the sink starts, as {@code DESCRIBE} lists it. */
    public void existing(String database, String stable, StableColumn... columns) {
        tables.put(database + "." + stable, new ArrayList<>(List.of(columns)));
    }

    public void failWhen(Function<String, TDengineException> failures) {
        this.failures = failures;
    }

    /** Fails a {@code DESCRIBE} of {@code database.table} when {@code failures} answers one for that name. */
    public void failDescribeWhen(Function<String, TDengineException> failures) {
        this.describeFailures = failures;
    }

    /** The tables described, as {@code database.table}, once per {@code DESCRIBE} answered. */
    public List<String> described() {
        return described;
    }

    /** Every statement run, DDL and INSERT, in order. */
    public List<String> statements() {
        return statements;
    }

    /** The INSERT statements run. */
    public List<String> inserts() {
        return inserts;
    }

    public Optional<List<StableColumn>> table(String database, String stable) {
        return Optional.ofNullable(tables.get(database + "." + stable)).map(List::copyOf);
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public void execute(String sql) {
        TDengineException failure = failures.apply(sql);
        if (failure != null) {
            throw failure;
        }
        statements.add(sql);
        Matcher create = CREATE.matcher(sql);
        Matcher alter = ALTER.matcher(sql);
        if (create.matches()) {
            List<StableColumn> columns = definitions(create.group(3), false);
            columns.addAll(definitions(create.group(4), true));
            tables.putIfAbsent(create.group(1) + "." + create.group(2), columns);
        } else if (alter.matches()) {
            List<StableColumn> columns = tables.get(alter.group(1) + "." + alter.group(2));
            StableColumn column = definitions(
                            "`" + alter.group(5) + "` " + alter.group(6),
                            alter.group(4).equals("TAG"))
                    .get(0);
            if (alter.group(3).equals("ADD")) {
                columns.add(column);
            } else {
                columns.replaceAll(c -> c.name().equals(column.name()) ? column : c);
            }
        } else if (sql.startsWith("INSERT INTO ")) {
            inserts.add(sql);
        } else {
            throw new IllegalArgumentException("not a statement typed writes send: " + sql);
        }
    }

    private static List<StableColumn> definitions(String text, boolean tags) {
        List<StableColumn> columns = new ArrayList<>();
        Matcher m = DEFINITION.matcher(text);
        while (m.find()) {
            String type = m.group(2).trim();
            String typeText = m.group(4) != null ? type + "(" + m.group(3) + "," + m.group(4) + ")" : type;
            int length = m.group(3) != null && m.group(4) == null ? Integer.parseInt(m.group(3)) : 0;
            columns.add(new StableColumn(m.group(1), ColumnType.described(typeText, length), tags));
        }
        return columns;
    }

    @Override
    public Optional<List<StableColumn>> describe(String database, String table) {
        TDengineException failure = describeFailures.apply(database + "." + table);
        if (failure != null) {
            throw failure;
        }
        described.add(database + "." + table);
        return table(database, table);
    }

    @Override
    public void close() {
        closed = true;
    }
}
