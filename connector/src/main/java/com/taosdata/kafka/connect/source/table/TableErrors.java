package com.taosdata.kafka.connect.source.table;

import java.util.Set;

import com.taosdata.kafka.connect.connection.TDengineErrors;
import com.taosdata.kafka.connect.connection.TDengineException;

/** TDengine errors that mean a table went away while the connector was reading it. */
public final class TableErrors {

    /** Table does not exist: parser (0x2603), tsdb (0x0603) and, for a dropped super table, mnode (0x0362) codes. */
    private static final Set<Integer> TABLE_GONE = Set.of(0x2603, 0x0603, 0x0362);

    private TableErrors() {
    }

    /** Whether {@code e} says the table was dropped: the monitor then reconfigures the tasks without it. */
    public static boolean isTableGone(TDengineException e) {
        return TABLE_GONE.contains(TDengineErrors.normalize(e.code()));
    }
}
