package com.taosdata.kafka.connect.sink.row;

import com.taosdata.kafka.connect.sink.table.StableSchema;

/**
 * One record as a row of a super table: its child table, timestamp, and values converted to the declared types
 * (see {@link ValueConverter}), aligned with the schema's tags and columns; {@code null} where the record has no
 * value.
 */
public record TypedRow(StableSchema schema, String childTable, long timestamp, Object[] tags, Object[] columns) {}
