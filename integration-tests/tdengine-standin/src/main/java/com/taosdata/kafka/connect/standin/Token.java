package com.taosdata.kafka.connect.standin;

import java.util.Locale;

/**
 * A lexical token of TDengine SQL, with its place in the statement so translations can copy source text.
 *
 * @param text for strings and backquoted identifiers, the content without quotes and escapes
 */
public record Token(Kind kind, String text, int start, int end) {
    public enum Kind {
        WORD,
        QUOTED_NAME,
        STRING,
        NUMBER,
        SYMBOL
    }

    public boolean isWord(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    public boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    public boolean isName() {
        return kind == Kind.WORD || kind == Kind.QUOTED_NAME;
    }

    /** A table or column name as TDengine resolves it: plain names are case-insensitive, backquoted ones exact. */
    public String name() {
        return kind == Kind.QUOTED_NAME ? text : text.toLowerCase(Locale.ROOT);
    }
}
