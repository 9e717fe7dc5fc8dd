package com.taosdata.kafka.connect.source.config;

import com.taosdata.kafka.connect.schemas.config.ConfigEnum;

/** What the source writes into Kafka for one TDengine row: the {@code out.format} key. */
public enum OutFormat implements ConfigEnum.Named {
    /** One InfluxDB line-protocol line with TDengine type suffixes, as a string. */
    LINE("line"),
    /** One JSON object per row, as a string. */
    JSON("json"),
    /** A Connect Struct whose schema is derived from the table's columns and tags. */
    STRUCT("struct");

    private final String value;

    OutFormat(String value) {
        this.value = value;
    }

    @Override
    public String configValue() {
        return value;
    }
}
