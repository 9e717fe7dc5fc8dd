package com.taosdata.kafka.connect.standin;

import java.util.List;

/** Runs one TDengine SQL statement from {@code /rest/sql}, dispatching on its first keyword. */
public final class SqlExecutor {
    private final Catalog catalog;
    private final DdlStatements ddl;
    private final InsertStatement insert;
    private final QueryRunner queries;
    private final ShowStatements show;

    public SqlExecutor(Catalog catalog, H2Store h2, RowWriter writer) {
        this.catalog = catalog;
        this.ddl = new DdlStatements(catalog);
        this.insert = new InsertStatement(catalog, writer);
        this.queries = new QueryRunner(h2, new SqlTranslator(catalog));
        this.show = new ShowStatements(catalog, queries);
    }

    /**
     * @param defaultDb the database of the URL ({@code /rest/sql/{db}}), used for names without a database;
     *                  may be null
     */
    public QueryResult execute(String sql, String defaultDb) {
        List<Token> tokens = SqlTokenizer.tokenize(sql);
        if (tokens.isEmpty()) {
            throw SqlTokenizer.syntaxError(sql);
        }
        TokenCursor c = new TokenCursor(sql, tokens);
        Token first = c.next();
        if (first.isWord("SELECT")) {
            return queries.select(sql, tokens, defaultDb);
        } else if (first.isWord("INSERT")) {
            return insert.execute(c, defaultDb);
        } else if (first.isWord("CREATE")) {
            return ddl.create(c, defaultDb);
        } else if (first.isWord("DROP")) {
            return ddl.drop(c, defaultDb);
        } else if (first.isWord("USE")) {
            return use(c);
        } else if (first.isWord("SHOW")) {
            return show.show(c, defaultDb);
        } else if (first.isWord("DESCRIBE") || first.isWord("DESC")) {
            return show.describe(c, defaultDb);
        } else if (first.isWord("ALTER")) {
            return ddl.alter(c, defaultDb);
        } else if (first.isWord("DELETE")) {
            throw ServerError.OPS_NOT_SUPPORT.error("the stand-in does not support " + first.text());
        }
        throw SqlTokenizer.syntaxError(sql.substring(first.start()));
    }

    /**
     * REST is stateless, so {@code USE} changes nothing on the server (REST API doc, note at the top); taosAdapter
     * still runs it, so an unknown database fails. The RestfulDriver sends it on connect and then puts the
     * database in the URL of every later request.
     */
    private QueryResult use(TokenCursor c) {
        String db = c.name();
        c.expectEnd();
        catalog.database(db);
        return QueryResult.affected(0);
    }
}
