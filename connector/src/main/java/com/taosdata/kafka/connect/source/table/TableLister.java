package com.taosdata.kafka.connect.source.table;

import java.util.List;

/** Lists the tables the connector reads now; a seam so the connector's task planning is testable offline. */
public interface TableLister extends AutoCloseable {

    List<SourceTable> list();

    @Override
    void close();
}
