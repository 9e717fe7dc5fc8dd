package com.taosdata.kafka.connect.sink.config;

import com.taosdata.kafka.connect.schemas.config.ConfigEnum;

/** How the sink writes rows ({@code write.method}). */
public enum WriteMethod implements ConfigEnum.Named {
    /** Record values are schemaless text (line, telnet, OpenTSDB JSON) that TDengine parses: the tutorial's path. */
    SCHEMALESS("schemaless"),
    /**
     * Records are Structs or Maps whose fields are written, with their types, into the columns and tags of a super
     * table: one that exists, or one created from the record schema.
     */
    STMT("stmt");

    private final String value;

    WriteMethod(String value) {
        this.value = value;
    }

    @Override
    public String configValue() {
        return value;
    }
}
