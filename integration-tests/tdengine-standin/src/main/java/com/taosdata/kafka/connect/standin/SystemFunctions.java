package com.taosdata.kafka.connect.standin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code SELECT} without {@code FROM}: constants, and TDengine's system information functions that clients use as
 * health checks ({@code docs/en/14-reference/03-taos-sql/22-function.md}, "System Information Functions"):
 * {@code SERVER_VERSION()}, {@code CLIENT_VERSION()}, {@code SERVER_STATUS()} and {@code DATABASE()}.
 */
public final class SystemFunctions {
    /** The server the stand-in answers as: the version the facts note was observed on. */
    public static final String SERVER_VERSION = "3.3.6.0";

    private SystemFunctions() {
    }

    /** The H2 statement for the tokens of a {@code SELECT} that has no {@code FROM}. */
    public static String translate(String sql, List<Token> tokens, String defaultDb) {
        List<String> items = new ArrayList<>();
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
                items.add(item(sql, tokens.subList(start, i), defaultDb));
                start = i + 1;
            }
        }
        return "SELECT " + String.join(", ", items);
    }

    private static String item(String sql, List<Token> item, String defaultDb) {
        String text = sql.substring(item.get(0).start(), item.get(item.size() - 1).end());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < item.size(); i++) {
            Token t = item.get(i);
            boolean call = t.kind() == Token.Kind.WORD && i + 2 < item.size() && item.get(i + 1).isSymbol("(")
                    && item.get(i + 2).isSymbol(")");
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
        return out.append("AS ").append(H2Store.quote(text)).toString();
    }

    private static String function(String name, String defaultDb) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "SERVER_VERSION", "CLIENT_VERSION" -> H2Store.literal(SERVER_VERSION);
            case "SERVER_STATUS" -> "1";
            case "DATABASE" -> defaultDb == null ? "CAST(NULL AS VARCHAR)" : H2Store.literal(defaultDb);
            default -> null;
        };
    }
}
