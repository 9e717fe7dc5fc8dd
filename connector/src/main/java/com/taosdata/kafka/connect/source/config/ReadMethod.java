package com.taosdata.kafka.connect.source.config;

import com.taosdata.kafka.connect.schemas.config.ConfigEnum;

/** How the source reads TDengine: the {@code read.method} key. */
public enum ReadMethod implements ConfigEnum.Named {
    /** Polls every table with incremental SQL queries by timestamp. */
    QUERY("query"),
    /** Consumes TDengine topics (TMQ) through the driver's consumer. */
    SUBSCRIPTION("subscription");

    private final String value;

    ReadMethod(String value) {
        this.value = value;
    }

    @Override
    public String configValue() {
        return value;
    }
}
