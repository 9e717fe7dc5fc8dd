package com.taosdata.kafka.connect.schemas;

import java.util.Locale;

/** How ARRAY values become text; {@link #NONE} makes an array value a data error. */
public enum ArrayEncoding {
    NONE,
    JSON;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
