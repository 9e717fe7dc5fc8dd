package com.taosdata.kafka.connect.schemas;

import java.util.Locale;

/** How BYTES values become text; {@link #NONE} makes a bytes value a data error. */
public enum BytesEncoding {
    NONE,
    BASE64,
    HEX;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
