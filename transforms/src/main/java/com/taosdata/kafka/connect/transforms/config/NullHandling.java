package com.taosdata.kafka.connect.transforms.config;

import com.taosdata.kafka.connect.schemas.config.ConfigEnum;
import java.util.Locale;

/** What a null field value does: {@code skip} leaves the field out of the line, {@code fail} is a data error. */
public enum NullHandling implements ConfigEnum.Named {
    SKIP,
    FAIL;

    @Override
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
