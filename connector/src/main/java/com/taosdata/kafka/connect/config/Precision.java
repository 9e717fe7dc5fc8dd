package com.taosdata.kafka.connect.config;

import java.util.concurrent.TimeUnit;

import com.taosdata.kafka.connect.schemas.config.ConfigEnum;

/** Timestamp precision of a TDengine database and of the timestamps written into it. */
public enum Precision implements ConfigEnum.Named {
    MS("ms", TimeUnit.MILLISECONDS),
    US("us", TimeUnit.MICROSECONDS),
    NS("ns", TimeUnit.NANOSECONDS);

    private final String value;
    private final TimeUnit unit;

    Precision(String value, TimeUnit unit) {
        this.value = value;
        this.unit = unit;
    }

    @Override
    public String configValue() {
        return value;
    }

    public TimeUnit unit() {
        return unit;
    }

    /** The precision TDengine reports in {@code information_schema.ins_databases.precision}. */
    public static Precision fromDatabase(String reported) {
        return ConfigEnum.parse(Precision.class, "precision", reported);
    }
}
