package com.taosdata.kafka.connect.standin;

import java.util.List;

/**
 * What a statement answers: a result set (column metadata and rows, timestamps as ticks of
 * {@code precision}), or the number of affected rows.
 */
public record QueryResult(
        List<Column> columns, List<List<Object>> rows, DatabasePrecision precision, int affectedRows) {

    public static QueryResult affected(int rows) {
        return new QueryResult(null, List.of(), DatabasePrecision.MS, rows);
    }

    public boolean isResultSet() {
        return columns != null;
    }
}
