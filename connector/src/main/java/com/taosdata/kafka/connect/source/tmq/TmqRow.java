package com.taosdata.kafka.connect.source.tmq;

/** One row a TMQ poll returned: where it came from, the table it belongs to and its values. */
public record TmqRow(TmqPartition partition, long offset, String table, DriverRow values) {}
