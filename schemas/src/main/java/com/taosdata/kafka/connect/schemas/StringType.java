package com.taosdata.kafka.connect.schemas;

import com.taosdata.kafka.connect.schemas.config.ConfigEnum;
import java.util.Locale;

/** The TDengine column type strings are written as: {@code "…"} makes VARCHAR, {@code L"…"} makes NCHAR. */
public enum StringType implements ConfigEnum.Named {
    VARCHAR("\"", TdengineType.VARCHAR),
    NCHAR("L\"", TdengineType.NCHAR);

    private final String linePrefix;
    private final TdengineType columnType;

    StringType(String linePrefix, TdengineType columnType) {
        this.linePrefix = linePrefix;
        this.columnType = columnType;
    }

    /** What opens a string field value in line protocol. */
    public String linePrefix() {
        return linePrefix;
    }

    public TdengineType columnType() {
        return columnType;
    }

    @Override
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
