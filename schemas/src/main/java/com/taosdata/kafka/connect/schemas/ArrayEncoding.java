package com.taosdata.kafka.connect.schemas;

import com.taosdata.kafka.connect.schemas.config.ConfigEnum;
import java.util.Locale;

/** How ARRAY values become text; {@link #NONE} makes an array value a data error. */
public enum ArrayEncoding implements ConfigEnum.Named {
    NONE,
    JSON;

    @Override
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
