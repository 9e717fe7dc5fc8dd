package com.taosdata.kafka.connect.standin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Translates a TDengine {@code SELECT} over one table into H2 SQL; H2 then evaluates it.
 *
 * <p>The translation is thin: names are quoted exactly as TDengine resolves them (plain names lower-cased,
 * backquoted ones kept), {@code *} expands to TDengine's column order (timestamp, fields, and the tags only for
 * a super table), {@code tbname} maps to the hidden subtable-name column, a subtable becomes its super table
 * filtered on that column, string timestamps compared with a TIMESTAMP column become ticks of the database
 * precision, and unnamed expressions get their source text as column name, as TDengine names them.
 */
public final class SqlTranslator {
    private static final Set<String> KEYWORDS = Set.of(
            "SELECT",
            "FROM",
            "WHERE",
            "AND",
            "OR",
            "NOT",
            "IN",
            "IS",
            "NULL",
            "LIKE",
            "BETWEEN",
            "ORDER",
            "BY",
            "ASC",
            "DESC",
            "LIMIT",
            "OFFSET",
            "AS",
            "GROUP",
            "HAVING",
            "DISTINCT",
            "TRUE",
            "FALSE",
            "CASE",
            "WHEN",
            "THEN",
            "ELSE",
            "END",
            "NULLS",
            "FIRST",
            "LAST");
    private static final Set<String> CLAUSES =
            Set.of("GROUP", "ORDER", "LIMIT", "HAVING", "PARTITION", "INTERVAL", "SLIMIT", "SOFFSET", "FILL", "OFFSET");
    /**
     * TDengine keywords that are also column names of system tables or common options; TDengine requires them
     * backquoted when used as names ({@code 50-meta.md}, e.g. "`precision` is a TDengine keyword and must be
     * escaped"), so a bare one is a syntax error here too.
     */
    private static final Set<String> RESERVED = Set.of(
            "PRECISION",
            "VGROUPS",
            "REPLICA",
            "DURATION",
            "KEEP",
            "BUFFER",
            "PAGESIZE",
            "PAGES",
            "MINROWS",
            "MAXROWS",
            "COMP",
            "RETENTIONS",
            "TAGS",
            "COMMENT",
            "WATERMARK",
            "MAX_DELAY",
            "ROLLUP",
            "DATABASE",
            "TABLE",
            "STABLE",
            "TABLES",
            "STABLES");
    /**
     * TDengine-only functions, clauses and pseudo columns ({@code 22-function.md}, {@code 24-distinguished.md}) that
     * H2 cannot evaluate: answered "Operation not supported" rather than with a misleading syntax error.
     */
    private static final Set<String> UNSUPPORTED_FUNCTIONS = Set.of(
            "LAST_ROW",
            "LAST",
            "FIRST",
            "SPREAD",
            "TWA",
            "ELAPSED",
            "INTERP",
            "TOP",
            "BOTTOM",
            "DIFF",
            "CSUM",
            "MAVG",
            "SAMPLE",
            "TAIL",
            "UNIQUE",
            "MODE",
            "HYPERLOGLOG",
            "HISTOGRAM",
            "IRATE",
            "APERCENTILE",
            "PERCENTILE",
            "LEASTSQUARES",
            "DERIVATIVE",
            "STATECOUNT",
            "STATEDURATION",
            "SESSION",
            "STATE_WINDOW",
            "EVENT_WINDOW",
            "COUNT_WINDOW",
            "INTERVAL",
            "FILL",
            "SLIDING");

    private static final Set<String> UNSUPPORTED_WORDS =
            Set.of("PARTITION", "SLIMIT", "SOFFSET", "_WSTART", "_WEND", "_WDURATION", "_IROWTS");
    private static final Set<String> COMPARISONS = Set.of("=", "==", "<", ">", "<=", ">=", "<>", "!=");

    /**
     * The H2 statement, the table it reads, the precision its timestamps are in, and the output columns that are
     * computed timestamps ({@code FIRST(ts)}, {@code LAST(ts)}: TDengine types them TIMESTAMP, H2 sees BIGINT).
     */
    public record Translation(
            String h2Sql, TableDef table, DatabasePrecision precision, Set<Integer> timestampOutputs) {}

    private final Catalog catalog;

    public SqlTranslator(Catalog catalog) {
        this.catalog = catalog;
    }

    public Translation translate(String sql, List<Token> tokens, String defaultDb) {
        int from = topLevel(tokens, 0, "FROM");
        if (from < 0) {
            return SystemFunctions.translate(sql, tokens, defaultDb);
        }
        TokenCursor c = new TokenCursor(sql, tokens.subList(from + 1, tokens.size()));
        if (c.peek() != null && c.peek().isSymbol("(")) {
            throw ServerError.OPS_NOT_SUPPORT.error("the stand-in does not support subqueries");
        }
        TokenCursor.QualifiedName name = c.qualifiedName(defaultDb);
        TableDef table = catalog.table(name.db(), name.table());
        DatabasePrecision precision = catalog.database(name.db()).precision();
        int tableTokens = c.position();
        tokens = Durations.merge(tokens, precision);
        from = topLevel(tokens, 0, "FROM");
        int afterTable = from + 1 + tableTokens;

        StringBuilder out = new StringBuilder("SELECT ");
        Set<Integer> timestampOutputs = new HashSet<>();
        selectList(sql, tokens.subList(1, from), table, out, timestampOutputs);
        TableDef storage = table.storage();
        out.append(" FROM ").append(H2Store.table(storage.database(), storage.name()));
        boolean child = table.kind() == TableDef.Kind.CHILD;
        String childFilter = H2Store.quote(TableDef.TBNAME) + " = " + H2Store.literal(table.name());
        boolean filtered = false;
        boolean open = false;
        for (int i = afterTable; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean topLevel = depth(tokens, afterTable, i) == 0;
            if (child && topLevel && t.isWord("WHERE") && !filtered) {
                out.append(" WHERE ").append(childFilter).append(" AND (");
                filtered = true;
                open = true;
                continue;
            }
            if (child
                    && topLevel
                    && t.kind() == Token.Kind.WORD
                    && CLAUSES.contains(upper(t))
                    && !isFunction(tokens, i)) {
                if (open) {
                    out.append(')');
                    open = false;
                } else if (!filtered) {
                    out.append(" WHERE ").append(childFilter);
                    filtered = true;
                }
            }
            if (topLevel && t.isWord("PARTITION")) {
                out.append(partitionByTable(tokens, i, table));
                break;
            }
            if (t.isWord("LIMIT") && i + 3 < tokens.size() && tokens.get(i + 2).isSymbol(",")) {
                // TDengine's parser also takes MySQL's "LIMIT offset, count"; H2 wants LIMIT … OFFSET …
                out.append(" LIMIT ")
                        .append(tokens.get(i + 3).text())
                        .append(" OFFSET ")
                        .append(tokens.get(i + 1).text());
                i += 3;
                continue;
            }
            out.append(' ').append(translateToken(tokens, i, table, precision));
        }
        if (open) {
            out.append(')');
        } else if (child && !filtered) {
            out.append(" WHERE ").append(childFilter);
        }
        return new Translation(out.toString(), table, precision, timestampOutputs);
    }

    private void selectList(
            String sql, List<Token> items, TableDef table, StringBuilder out, Set<Integer> timestampOutputs) {
        List<List<Token>> split = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).isSymbol(",") && depth(items, 0, i) == 0) {
                split.add(current);
                current = new ArrayList<>();
            } else {
                current.add(items.get(i));
            }
        }
        split.add(current);
        List<String> rendered = new ArrayList<>();
        int output = 0;
        for (List<Token> item : split) {
            if (item.isEmpty()) {
                throw SqlTokenizer.syntaxError(",");
            }
            if (isTimestampExtreme(item, table)) {
                timestampOutputs.add(output);
            }
            output += item.size() == 1 && item.get(0).isSymbol("*")
                    ? table.starColumns().size()
                    : 1;
            rendered.add(selectItem(sql, item, table));
        }
        out.append(String.join(", ", rendered));
    }

    /**
     * {@code PARTITION BY tbname} closing a query that selects rows: each subtable is one timeline, its rows
     * together and in timestamp order (TDengine's documented meaning), which H2 gives by ordering on both.
     */
    private static String partitionByTable(List<Token> tokens, int i, TableDef table) {
        boolean byTable = i + 2 == tokens.size() - 1
                && tokens.get(i + 1).isWord("BY")
                && tokens.get(i + 2).isWord(TableDef.TBNAME);
        if (!byTable) {
            throw ServerError.OPS_NOT_SUPPORT.error("the stand-in supports PARTITION BY tbname only, at the end");
        }
        return " ORDER BY " + H2Store.quote(TableDef.TBNAME) + ", "
                + H2Store.quote(table.timestampColumn().name());
    }

    /** {@code FIRST(ts)} or {@code LAST(ts)} of the timestamp column, possibly aliased. */
    private static boolean isTimestampExtreme(List<Token> item, TableDef table) {
        return item.size() >= 4
                && (item.get(0).isWord("FIRST") || item.get(0).isWord("LAST"))
                && item.get(1).isSymbol("(")
                && item.get(3).isSymbol(")")
                && isPrimaryTimestamp(item.get(2), table)
                && (item.size() == 4 || item.get(4).isWord("AS"));
    }

    private static boolean isPrimaryTimestamp(Token t, TableDef table) {
        String upper = t.text().toUpperCase(Locale.ROOT);
        return t.isName()
                && (upper.equals("_ROWTS")
                        || upper.equals("_C0")
                        || t.name().equals(table.timestampColumn().name()));
    }

    private String selectItem(String sql, List<Token> item, TableDef table) {
        if (item.size() == 1 && item.get(0).isSymbol("*")) {
            List<String> names = new ArrayList<>();
            table.starColumns().forEach(col -> names.add(H2Store.quote(col.name())));
            return String.join(", ", names);
        }
        boolean extreme = isTimestampExtreme(item, table);
        if (!extreme
                && item.size() >= 4
                && (item.get(0).isWord("MIN") || item.get(0).isWord("MAX"))
                && item.get(1).isSymbol("(")
                && isTimestampColumn(item.get(2), table)) {
            // A real 3.3.6.13 answers MIN(ts) and MAX(ts) so; FIRST and LAST give a timestamp's extremes.
            throw ServerError.FUNC_FUNTION_PARA_TYPE.error(item.get(0).text().toLowerCase(Locale.ROOT));
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < item.size(); i++) {
            // The extremes of the primary timestamp are its first and last values.
            String token = extreme && i == 0
                    ? (item.get(0).isWord("FIRST") ? "MIN" : "MAX")
                    : translateToken(item, i, table, null);
            out.append(i == 0 ? "" : " ").append(token);
        }
        boolean plainName = item.size() == 1 && item.get(0).isName();
        boolean aliased = item.size() >= 2 && item.get(item.size() - 2).isWord("AS");
        if (!plainName && !aliased) {
            String text =
                    sql.substring(item.get(0).start(), item.get(item.size() - 1).end());
            out.append(" AS ").append(H2Store.quote(text));
        }
        return out.toString();
    }

    private String translateToken(List<Token> tokens, int i, TableDef table, DatabasePrecision precision) {
        Token t = tokens.get(i);
        switch (t.kind()) {
            case QUOTED_NAME:
                return H2Store.quote(t.text());
            case STRING:
                if (precision != null
                        && DatabasePrecision.looksLikeTimestamp(t.text())
                        && comparesTimestamp(tokens, i, table)) {
                    return Long.toString(precision.parseString(t.text()));
                }
                return H2Store.literal(t.text());
            case SYMBOL:
                return t.isSymbol("==") ? "=" : t.text();
            case NUMBER:
                return t.text();
            default:
                break;
        }
        String upper = upper(t);
        if (UNSUPPORTED_WORDS.contains(upper) || (UNSUPPORTED_FUNCTIONS.contains(upper) && isFunction(tokens, i))) {
            throw ServerError.OPS_NOT_SUPPORT.error("the stand-in does not support " + t.text());
        }
        if (isFunction(tokens, i)) {
            return upper.equals("NOW") ? Long.toString(nowTicks(table)) : upper;
        }
        if (upper.equals("NOW")) {
            return Long.toString(nowTicks(table));
        }
        if (KEYWORDS.contains(upper) || CLAUSES.contains(upper) || upper.equals("WHERE")) {
            return upper;
        }
        if (upper.equals("_ROWTS") || upper.equals("_C0")) {
            return H2Store.quote(table.timestampColumn().name());
        }
        if (RESERVED.contains(upper)) {
            throw SqlTokenizer.syntaxError(t.text());
        }
        return H2Store.quote(t.name());
    }

    private long nowTicks(TableDef table) {
        return catalog.database(table.database()).precision().now();
    }

    /** Whether the string at {@code i} is compared with a TIMESTAMP column ({@code ts > '…'}, {@code BETWEEN}). */
    private static boolean comparesTimestamp(List<Token> tokens, int i, TableDef table) {
        if (i >= 2
                && (COMPARISONS.contains(tokens.get(i - 1).text())
                        || tokens.get(i - 1).isWord("BETWEEN"))) {
            return isTimestampColumn(tokens.get(i - 2), table);
        }
        if (i >= 4 && tokens.get(i - 1).isWord("AND") && tokens.get(i - 3).isWord("BETWEEN")) {
            return isTimestampColumn(tokens.get(i - 4), table);
        }
        return i + 2 < tokens.size()
                && COMPARISONS.contains(tokens.get(i + 1).text())
                && isTimestampColumn(tokens.get(i + 2), table);
    }

    private static boolean isTimestampColumn(Token t, TableDef table) {
        if (!t.isName()) {
            return false;
        }
        String upper = t.text().toUpperCase(Locale.ROOT);
        if (upper.equals("_ROWTS") || upper.equals("_C0")) {
            return true;
        }
        return table.find(t.name()).map(c -> c.type() == ColumnType.TIMESTAMP).orElse(false);
    }

    private static boolean isFunction(List<Token> tokens, int i) {
        return tokens.get(i).kind() == Token.Kind.WORD
                && i + 1 < tokens.size()
                && tokens.get(i + 1).isSymbol("(");
    }

    private static String upper(Token t) {
        return t.text().toUpperCase(Locale.ROOT);
    }

    static int topLevel(List<Token> tokens, int start, String keyword) {
        int depth = 0;
        for (int i = start; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && t.isWord(keyword)) {
                return i;
            }
        }
        return -1;
    }

    private static int depth(List<Token> tokens, int start, int end) {
        int depth = 0;
        for (int i = start; i < end; i++) {
            if (tokens.get(i).isSymbol("(")) {
                depth++;
            } else if (tokens.get(i).isSymbol(")")) {
                depth--;
            }
        }
        return depth;
    }
}
