package com.taosdata.kafka.connect.standin;

import java.util.List;

/** A read position in a token list, with the small vocabulary the statement parsers need. */
public final class TokenCursor {
    private final String sql;
    private final List<Token> tokens;
    private int pos;

    public TokenCursor(String sql, List<Token> tokens) {
        this.sql = sql;
        this.tokens = tokens;
    }

    public boolean atEnd() {
        return pos >= tokens.size();
    }

    public int position() {
        return pos;
    }

    public Token peek() {
        return atEnd() ? null : tokens.get(pos);
    }

    public Token peek(int ahead) {
        return pos + ahead < tokens.size() ? tokens.get(pos + ahead) : null;
    }

    public Token next() {
        if (atEnd()) {
            throw SqlTokenizer.syntaxError("");
        }
        return tokens.get(pos++);
    }

    public boolean acceptWord(String keyword) {
        if (!atEnd() && tokens.get(pos).isWord(keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    public boolean acceptSymbol(String symbol) {
        if (!atEnd() && tokens.get(pos).isSymbol(symbol)) {
            pos++;
            return true;
        }
        return false;
    }

    public void expectWord(String keyword) {
        if (!acceptWord(keyword)) {
            throw error();
        }
    }

    public void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw error();
        }
    }

    public boolean acceptIfNotExists() {
        if (acceptWord("IF")) {
            expectWord("NOT");
            expectWord("EXISTS");
            return true;
        }
        return false;
    }

    public boolean acceptIfExists() {
        if (acceptWord("IF")) {
            expectWord("EXISTS");
            return true;
        }
        return false;
    }

    public String name() {
        Token t = next();
        if (!t.isName()) {
            pos--;
            throw error();
        }
        return t.name();
    }

    /** {@code [db.]name}, the database defaulting to {@code defaultDb}. */
    public QualifiedName qualifiedName(String defaultDb) {
        String first = name();
        if (acceptSymbol(".")) {
            return new QualifiedName(first, name());
        }
        if (defaultDb == null || defaultDb.isEmpty()) {
            throw ServerError.PAR_DB_NOT_SPECIFIED.error();
        }
        return new QualifiedName(defaultDb, first);
    }

    /** The statement's text from a token on, as TDengine quotes it in value errors. */
    public String sqlFrom(Token token) {
        return sql.substring(token.start());
    }

    public void expectEnd() {
        if (!atEnd()) {
            throw error();
        }
    }

    /** TDengine's "syntax error near" pointing at the current token. */
    public ServerErrorException error() {
        return SqlTokenizer.syntaxError(
                atEnd() ? "" : sql.substring(tokens.get(pos).start()));
    }

    public record QualifiedName(String db, String table) {}
}
