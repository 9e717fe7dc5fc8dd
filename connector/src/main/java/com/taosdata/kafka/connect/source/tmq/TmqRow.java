package com.taosdata.kafka.connect.source.tmq;

import java.util.Map;

/** One row a TMQ poll returned: where it came from, the table it belongs to and its values by column name. */
public record TmqRow(TmqPartition partition, long offset, String table, Map<String, Object> values) {
}
