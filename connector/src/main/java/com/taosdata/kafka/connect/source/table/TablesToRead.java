package com.taosdata.kafka.connect.source.table;

import com.taosdata.kafka.connect.connection.TDengineSession;
import java.util.List;
import java.util.function.Function;

/**
 * What the connector reads right now: in query mode the selected subtables and normal tables, in subscription
 * mode the selected super tables and tables topics are created on.
 */
public final class TablesToRead implements TableLister {

    private final TableCatalog catalog;
    private final Function<DatabaseContents, List<SourceTable>> choice;
    private final TDengineSession session;

    private TablesToRead(
            String database, Function<DatabaseContents, List<SourceTable>> choice, TDengineSession session) {
        this.catalog = new TableCatalog(database);
        this.choice = choice;
        this.session = session;
    }

    /** The subtables and normal tables {@code selection} names, each read by its own queries. */
    public static TablesToRead toQuery(String database, TableSelection selection, TDengineSession session) {
        return new TablesToRead(database, contents -> selection.tablesToQuery(contents.tables()), session);
    }

    /** The super tables and tables {@code selection} names, one TDengine topic each. */
    public static TablesToRead toSubscribe(String database, TableSelection selection, TDengineSession session) {
        return new TablesToRead(
                database, contents -> selection.tablesToSubscribe(contents.stables(), contents.tables()), session);
    }

    @Override
    public List<SourceTable> list() {
        return choice.apply(session.call(catalog::read));
    }

    @Override
    public void close() {
        session.close();
    }
}
