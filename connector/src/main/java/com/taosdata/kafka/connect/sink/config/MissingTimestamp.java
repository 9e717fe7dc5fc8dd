package com.taosdata.kafka.connect.sink.config;

import com.taosdata.kafka.connect.schemas.config.ConfigEnum;

/** What time a line-protocol line without a timestamp is written at ({@code timestamp.missing}). */
public enum MissingTimestamp implements ConfigEnum.Named {
    /** TDengine's clock when it receives the line, as TDengine writes such lines itself. */
    SERVER("server"),
    /** The Kafka timestamp of the line's record, so a record delivered again overwrites its row. */
    RECORD("record");

    private final String value;

    MissingTimestamp(String value) {
        this.value = value;
    }

    @Override
    public String configValue() {
        return value;
    }
}
