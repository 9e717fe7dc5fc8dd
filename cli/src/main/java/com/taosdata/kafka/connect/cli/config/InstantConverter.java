package com.taosdata.kafka.connect.cli.config;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Points in time as people type them: ISO-8601 with a zone offset ({@code 2024-05-01T08:00:00Z},
 * {@code 2024-05-01 16:00:00.250+08:00}), or epoch milliseconds. A time without an offset is refused: the CLI's time
 * zone need not be the one the rows were written in.
 */
public final class InstantConverter implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        return parse(value);
    }

    public static Instant parse(String value) {
        String trimmed = value.trim();
        if (trimmed.matches("-?\\d+")) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(trimmed));
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is too large for epoch milliseconds");
            }
        }
        try {
            return OffsetDateTime.parse(trimmed.replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a time with a zone offset; use e.g. "
                    + "2024-05-01T08:00:00Z, 2024-05-01 16:00:00+08:00 or epoch milliseconds");
        }
    }
}
