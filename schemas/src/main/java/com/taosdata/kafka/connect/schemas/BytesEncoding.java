package com.taosdata.kafka.connect.schemas;

import com.taosdata.kafka.connect.schemas.config.ConfigEnum;
import java.util.Locale;

/** How BYTES values become text; {@link #NONE} makes a bytes value a data error. */
public enum BytesEncoding implements ConfigEnum.Named {
    NONE,
    BASE64,
    HEX;

    @Override
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
