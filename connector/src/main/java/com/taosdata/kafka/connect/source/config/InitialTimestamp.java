package com.taosdata.kafka.connect.source.config;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * The {@code timestamp.initial} key: {@code yyyy-MM-dd HH:mm:ss}, read in the worker's time zone as TDengine's
 * connector does, unless it ends with an ISO offset such as {@code Z} or {@code +08:00}.
 */
public final class InitialTimestamp {

    static final String FORMAT = "yyyy-MM-dd HH:mm:ss";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern(FORMAT);

    private InitialTimestamp() {}

    /** The instant {@code text} names; {@code null} for none (read from the beginning). */
    public static Instant parse(String key, String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        try {
            return LocalDateTime.parse(trimmed, LOCAL).atZone(zone).toInstant();
        } catch (DateTimeParseException local) {
            try {
                return OffsetDateTime.parse(trimmed.replace(' ', 'T')).toInstant();
            } catch (DateTimeParseException offset) {
                throw new ConfigException(
                        key,
                        text,
                        "must be " + FORMAT + " (worker time zone), or that with an "
                                + "offset such as 2024-01-01 00:00:00+08:00");
            }
        }
    }

    static ConfigDef.Validator validator() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                parse(name, value == null ? null : value.toString(), ZoneId.systemDefault());
            }

            @Override
            public String toString() {
                return FORMAT + ", empty for the earliest row";
            }
        };
    }
}
