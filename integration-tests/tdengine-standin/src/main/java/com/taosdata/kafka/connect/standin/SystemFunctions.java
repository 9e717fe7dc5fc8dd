package com.taosdata.kafka.connect.standin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A {@code SELECT} without {@code FROM}: constants, and TDengine's system information functions that clients use as
 * health checks ({@code docs/en/14-reference/03-taos-sql/22-function.md}, "System Information Functions"):
 * {@code SERVER_VERSION()}, {@code CLIENT_VERSION()}, {@code SERVER_STATUS()} and {@code DATABASE()}; and
 * {@code NOW()}, the server's clock as a millisecond TIMESTAMP whatever the session's database (as 3.3.6.13 answers
 * it). A function call's column is named by the lower-cased call, as TDengine names it ({@code now()}).
 */
public final class SystemFunctions {
    /** The server the stand-in answers as: the version the facts note was observed on. */
    public static final String SERVER_VERSION = "3.3.6.0";

    private SystemFunctions() {}

    /** The H2 statement for the tokens of a {@code SELECT} that has no {@code FROM}. */
    public static SqlTranslator.Translation translate(String sql, List<Token> tokens, String defaultDb) {
        List<String> items = new ArrayList<>();
        Set<Integer> timestampOutputs = new HashSet<>();
        int start = 1;
        int depth = 0;
        for (int i = 1; i <= tokens.size(); i++) {
            Token t = i < tokens.size() ? tokens.get(i) : null;
            if (t != null && t.isSymbol("(")) {
                depth++;
            } else if (t != null && t.isSymbol(")")) {
                depth--;
            } else if (t == null || (depth == 0 && t.isSymbol(","))) {
                if (i == start) {
                    throw SqlTokenizer.syntaxError(sql);
                }
                List<Token> item = tokens.subList(start, i);
                if (isCall(item, 0) && item.size() == 3 && item.get(0).text().equalsIgnoreCase("NOW")) {
                    timestampOutputs.add(items.size());
                }
                items.add(item(sql, item, defaultDb));
                start = i + 1;
            }
        }
        return new SqlTranslator.Translation(
                "SELECT " + String.join(", ", items), null, DatabasePrecision.MS, timestampOutputs);
    }

    private static boolean isCall(List<Token> item, int i) {
        return item.get(i).kind() == Token.Kind.WORD
                && i + 2 < item.size()
                && item.get(i + 1).isSymbol("(")
                && item.get(i + 2).isSymbol(")");
    }

    private static String item(String sql, List<Token> item, String defaultDb) {
        String text =
                sql.substring(item.get(0).start(), item.get(item.size() - 1).end());
        String name = item.size() == 3 && isCall(item, 0) ? item.get(0).text().toLowerCase(Locale.ROOT) + "()" : text;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < item.size(); i++) {
            Token t = item.get(i);
            boolean call = isCall(item, i);
            String value = call ? function(t.text(), defaultDb) : null;
            if (value != null) {
                out.append(value).append(' ');
                i += 2;
            } else if (t.kind() == Token.Kind.STRING) {
                out.append(H2Store.literal(t.text())).append(' ');
            } else if (t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.SYMBOL) {
                out.append(t.text()).append(' ');
            } else {
                throw ServerError.OPS_NOT_SUPPORT.error("the stand-in does not support " + text);
            }
        }
        return out.append("AS ").append(H2Store.quote(name)).toString();
    }

    private static String function(String name, String defaultDb) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "SERVER_VERSION", "CLIENT_VERSION" -> H2Store.literal(SERVER_VERSION);
            case "SERVER_STATUS" -> "1";
            case "DATABASE" -> defaultDb == null ? "CAST(NULL AS VARCHAR)" : H2Store.literal(defaultDb);
            case "NOW" -> Long.toString(DatabasePrecision.MS.now());
            default -> null;
        };
    }
}
