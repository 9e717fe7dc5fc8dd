package com.taosdata.kafka.connect.transforms.config;

import java.util.Locale;

/** What a null field value does: {@code skip} leaves the field out of the line, {@code fail} is a data error. */
public enum NullHandling {
    SKIP,
    FAIL;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
