package com.taosdata.kafka.connect.schemas;

import com.taosdata.kafka.connect.schemas.config.ConfigEnum;
import java.util.Locale;

/**
 * How numbers are typed in line protocol. TDengine reads width suffixes ({@code i8} … {@code i64}, {@code f32},
 * {@code f64}) and creates columns of exactly that width; InfluxDB knows only {@code i} (BIGINT) and bare floats
 * (DOUBLE).
 */
public enum SuffixStyle implements ConfigEnum.Named {
    TDENGINE,
    INFLUX;

    @Override
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
