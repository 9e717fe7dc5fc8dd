package com.taosdata.kafka.connect.transforms.point;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.schemas.TimestampUnit;
import java.util.Date;
import org.junit.jupiter.api.Test;

class TimestampResolverTest {

    private static final long[] MILLIS = {0, 1, -1, 1_999, -1_999, 1_700_000_000_123L, Long.MAX_VALUE / 1_000_000};

    /** Kafka timestamps and Connect Timestamps are milliseconds: every precision reads them as TimestampUnit does. */
    @Test
    void millisecondsComeOutAsTimestampUnitConvertsThem() {
        for (TimestampUnit precision : TimestampUnit.values()) {
            TimestampResolver resolver = new TimestampResolver(TimestampUnit.MS, precision);
            for (long millis : MILLIS) {
                long expected = precision.convert(millis, TimestampUnit.MS);
                assertThat(resolver.fromRecord(millis))
                        .as("%d ms in %s", millis, precision)
                        .isEqualTo(expected);
                assertThat(resolver.fromValue(new Date(millis), "ts")).isEqualTo(expected);
                assertThat(resolver.fromValue(millis, "ts")).isEqualTo(expected);
            }
        }
    }

    @Test
    void millisecondsBeyondALongInTheOutputPrecisionAreADataError() {
        TimestampResolver resolver = new TimestampResolver(TimestampUnit.MS, TimestampUnit.NS);
        assertThatThrownBy(() -> resolver.fromValue(new Date(Long.MAX_VALUE / 1_000_000 + 1), "ts"))
                .isInstanceOf(FieldValueException.class)
                .hasMessageContaining("does not fit a long in ns");
        assertThatThrownBy(() -> resolver.fromRecord(Long.MIN_VALUE / 2))
                .isInstanceOf(FieldValueException.class)
                .hasMessageContaining("ms does not fit a long in ns");
    }
}
