package com.taosdata.kafka.connect.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class InstantConverterTest {

    @Test
    void readsIsoTimesWithAnOffsetAndASpaceOrAT() {
        assertThat(InstantConverter.parse("2024-05-01T08:00:00Z")).isEqualTo(Instant.parse("2024-05-01T08:00:00Z"));
        assertThat(InstantConverter.parse(" 2024-05-01 16:00:00.000250+08:00 "))
                .isEqualTo(Instant.parse("2024-05-01T08:00:00.000250Z"));
    }

    @Test
    void readsEpochMilliseconds() {
        assertThat(InstantConverter.parse("1714550400123")).isEqualTo(Instant.ofEpochMilli(1714550400123L));
    }

    @Test
    void refusesATimeWithoutAnOffset() {
        assertThatThrownBy(() -> InstantConverter.parse("2024-05-01 08:00:00"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("is not a time with a zone offset");
    }
}
