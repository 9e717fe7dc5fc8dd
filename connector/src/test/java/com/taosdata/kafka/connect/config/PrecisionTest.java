package com.taosdata.kafka.connect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class PrecisionTest {

    @Test
    void eachPrecisionHasItsTimeUnit() {
        assertThat(Precision.MS.unit()).isEqualTo(TimeUnit.MILLISECONDS);
        assertThat(Precision.US.unit()).isEqualTo(TimeUnit.MICROSECONDS);
        assertThat(Precision.NS.unit()).isEqualTo(TimeUnit.NANOSECONDS);
    }

    @Test
    void configValuesAreTDenginesSpellings() {
        assertThat(Precision.MS.configValue()).isEqualTo("ms");
        assertThat(Precision.US.configValue()).isEqualTo("us");
        assertThat(Precision.NS.configValue()).isEqualTo("ns");
    }

    @Test
    void fromDatabaseReadsWhatInsDatabasesReports() {
        assertThat(Precision.fromDatabase("ms")).isEqualTo(Precision.MS);
        assertThat(Precision.fromDatabase("us")).isEqualTo(Precision.US);
        assertThat(Precision.fromDatabase("NS")).isEqualTo(Precision.NS);
    }

    @Test
    void fromDatabaseRejectsAnUnknownPrecision() {
        assertThatThrownBy(() -> Precision.fromDatabase("s")).isInstanceOf(ConfigException.class);
    }
}
