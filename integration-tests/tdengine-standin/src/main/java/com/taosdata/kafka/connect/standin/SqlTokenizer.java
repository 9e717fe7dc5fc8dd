package com.taosdata.kafka.connect.standin;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits TDengine SQL into tokens. Strings may use single or double quotes and backslash escapes, names may
 * be backquoted ({@code docs/en/14-reference/03-taos-sql/20-keywords.md}, "Escape Characters").
 */
public final class SqlTokenizer {
    private SqlTokenizer() {}

    public static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char ch = sql.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (ch == '`') {
                int close = sql.indexOf('`', i + 1);
                if (close < 0) {
                    throw syntaxError(sql.substring(i));
                }
                tokens.add(new Token(Token.Kind.QUOTED_NAME, sql.substring(i + 1, close), i, close + 1));
                i = close + 1;
            } else if (ch == '\'' || ch == '"') {
                i = readString(sql, i, tokens);
            } else if (Character.isDigit(ch) || (ch == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                i = readNumber(sql, i, tokens);
            } else if (Character.isLetter(ch) || ch == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.WORD, sql.substring(start, i), start, i));
            } else {
                i = readSymbol(sql, i, tokens);
            }
        }
        while (!tokens.isEmpty() && tokens.get(tokens.size() - 1).isSymbol(";")) {
            tokens.remove(tokens.size() - 1);
        }
        return tokens;
    }

    /**
     * A quoted string, unescaped as TDengine's {@code trimString} does: {@code \n \r \t \\ \' \"} are the
     * character, {@code \% \_} keep their backslash (LIKE patterns) and so does {@code \x} (the VARBINARY hex
     * prefix), a backslash before any other character is dropped, and a doubled quote is one quote.
     */
    private static int readString(String sql, int start, List<Token> tokens) {
        char quote = sql.charAt(start);
        StringBuilder text = new StringBuilder();
        int i = start + 1;
        while (i < sql.length()) {
            char ch = sql.charAt(i);
            if (ch == '\\' && i + 1 < sql.length()) {
                char next = sql.charAt(i + 1);
                switch (next) {
                    case 'n' -> text.append('\n');
                    case 't' -> text.append('\t');
                    case 'r' -> text.append('\r');
                    case '%', '_', 'x' -> text.append('\\').append(next);
                    default -> text.append(next);
                }
                i += 2;
            } else if (ch == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                text.append(quote);
                i += 2;
            } else if (ch == quote) {
                tokens.add(new Token(Token.Kind.STRING, text.toString(), start, i + 1));
                return i + 1;
            } else {
                text.append(ch);
                i++;
            }
        }
        throw syntaxError(sql.substring(start));
    }

    private static int readNumber(String sql, int start, List<Token> tokens) {
        int i = start;
        int n = sql.length();
        while (i < n && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
            i++;
        }
        if (i < n && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (sql.charAt(j) == '+' || sql.charAt(j) == '-')) {
                j++;
            }
            if (j < n && Character.isDigit(sql.charAt(j))) {
                i = j;
                while (i < n && Character.isDigit(sql.charAt(i))) {
                    i++;
                }
            }
        }
        tokens.add(new Token(Token.Kind.NUMBER, sql.substring(start, i), start, i));
        return i;
    }

    private static int readSymbol(String sql, int i, List<Token> tokens) {
        if (i + 1 < sql.length()) {
            String two = sql.substring(i, i + 2);
            if (two.equals("<=") || two.equals(">=") || two.equals("<>") || two.equals("!=") || two.equals("==")) {
                tokens.add(new Token(Token.Kind.SYMBOL, two, i, i + 2));
                return i + 2;
            }
        }
        char ch = sql.charAt(i);
        if ("(),.;*=<>+-/%".indexOf(ch) < 0) {
            throw syntaxError(sql.substring(i));
        }
        tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(ch), i, i + 1));
        return i + 1;
    }

    static ServerErrorException syntaxError(String near) {
        String shown = near.length() > 40 ? near.substring(0, 40) : near;
        return ServerError.PAR_SYNTAX_ERROR.error("syntax error near \"" + shown + "\"");
    }
}
