package com.taosdata.kafka.connect.source.table;

import java.util.List;

import com.taosdata.kafka.connect.source.config.ReadMethod;
import com.taosdata.kafka.connect.source.config.TDengineSourceConfig;
import com.taosdata.kafka.connect.source.TDengineSession;

/**
 * What the connector reads right now: in query mode the selected subtables and normal tables, in subscription
 * mode the selected super tables and tables topics are created on.
 */
public final class TablesToRead implements TableLister {

    private final TableCatalog catalog;
    private final TableSelection selection;
    private final ReadMethod method;
    private final TDengineSession session;

    public TablesToRead(TDengineSourceConfig config, TDengineSession session) {
        this.catalog = new TableCatalog(config.database());
        this.selection = new TableSelection(config.stables(), config.tables());
        this.method = config.readMethod();
        this.session = session;
    }

    @Override
    public List<SourceTable> list() {
        DatabaseContents contents = session.call(catalog::read);
        return method == ReadMethod.QUERY ? selection.tablesToQuery(contents.tables())
                : selection.tablesToSubscribe(contents.stables(), contents.tables());
    }

    @Override
    public void close() {
        session.close();
    }
}
