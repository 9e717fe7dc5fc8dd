package com.taosdata.kafka.connect.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimestampUnitTest {

    @Test
    void convertsBetweenUnits() {
        assertThat(TimestampUnit.NS.convert(2, TimestampUnit.S)).isEqualTo(2_000_000_000L);
        assertThat(TimestampUnit.MS.convert(1_500_000, TimestampUnit.US)).isEqualTo(1_500L);
        assertThat(TimestampUnit.US.fromMillis(3)).isEqualTo(3_000L);
        assertThat(TimestampUnit.MS.convert(42, TimestampUnit.MS)).isEqualTo(42L);
    }

    @Test
    void coarserUnitsRoundTowardsThePast() {
        assertThat(TimestampUnit.MS.convert(-1, TimestampUnit.NS)).isEqualTo(-1L);
        assertThat(TimestampUnit.S.convert(1_999, TimestampUnit.MS)).isEqualTo(1L);
    }

    @Test
    void overflowIsAnError() {
        assertThatThrownBy(() -> TimestampUnit.NS.convert(Long.MAX_VALUE / 2, TimestampUnit.MS))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void parsesConfigNames() {
        assertThat(TimestampUnit.parse(" Us ")).isEqualTo(TimestampUnit.US);
        assertThat(TimestampUnit.NS.configValue()).isEqualTo("ns");
        assertThat(TimestampUnit.MS.fromEpochSecond(-1, 500_000_000)).isEqualTo(-500L);
    }

    @Test
    void databasePrecisionsAreTDenginesSpellingsWithoutSeconds() {
        assertThat(TimestampUnit.precisions())
                .extracting(TimestampUnit::configValue)
                .containsExactly("ms", "us", "ns");
    }
}
