package com.taosdata.kafka.connect.sink.config;

/**
 * What a schemaless write asks of the child tables it creates.
 *
 * @param tableNameTag the tag whose value names the child table (TDengine's {@code table_name_key}), or
 *     {@code null} for TDengine's generated {@code t_<md5>} names
 * @param ttlDays the time to live of the child tables in days; 0, TDengine's default, keeps them for ever
 */
public record TableOptions(String tableNameTag, int ttlDays) {

    /** TDengine's defaults: generated names, no time to live. */
    public static final TableOptions DEFAULTS = new TableOptions(null, 0);
}
