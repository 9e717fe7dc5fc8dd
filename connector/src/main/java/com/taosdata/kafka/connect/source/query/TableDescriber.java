package com.taosdata.kafka.connect.source.query;

import com.taosdata.kafka.connect.source.table.TableSchema;
import java.sql.Connection;

/** Reads a table's current columns and tags again, when a query's result no longer matches what was described. */
@FunctionalInterface
public interface TableDescriber {
    TableSchema describe(Connection connection);
}
