package com.taosdata.kafka.connect.transforms.point;

import com.taosdata.kafka.connect.schemas.TimestampUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;

/**
 * Turns a timestamp value into the output precision: integers counted in {@code timestamp.unit}, Connect
 * Timestamp/Date/Time values ({@link Date}), Protobuf Timestamps ({@link Instant}), ISO-8601 strings (with offset or
 * zone; without, UTC), or the record's Kafka timestamp in milliseconds.
 */
final class TimestampResolver {

    static final String RECORD_TIMESTAMP = "<record timestamp>";

    private final TimestampUnit inputUnit;
    private final TimestampUnit precision;
    /**
     * Output units per millisecond, the unit of Kafka timestamps and Connect Timestamps, worked out once (0 for a
     * precision coarser than milliseconds): {@link TimestampUnit#convert} divides one unit by the other per call.
     */
    private final long perMillisecond;

    TimestampResolver(TimestampUnit inputUnit, TimestampUnit precision) {
        this.inputUnit = inputUnit;
        this.precision = precision;
        this.perMillisecond = precision.nanosPerUnit() <= TimestampUnit.MS.nanosPerUnit()
                ? TimestampUnit.MS.nanosPerUnit() / precision.nanosPerUnit()
                : 0;
    }

    long fromRecord(Long kafkaTimestamp) {
        if (kafkaTimestamp == null) {
            throw new FieldValueException(
                    RECORD_TIMESTAMP, "the record has no timestamp and no timestamp.field" + " is configured");
        }
        return convert(kafkaTimestamp, TimestampUnit.MS, RECORD_TIMESTAMP);
    }

    long fromValue(Object value, String field) {
        if (value == null) {
            throw new FieldValueException(field, "timestamp field is missing or null");
        }
        if (value instanceof Date) {
            return convert(((Date) value).getTime(), TimestampUnit.MS, field);
        }
        if (value instanceof Instant instant) {
            return fromInstant(instant, value, field);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return convert(((Number) value).longValue(), inputUnit, field);
        }
        if (value instanceof Number) {
            return fromFraction(new BigDecimal(value.toString()), field);
        }
        if (value instanceof CharSequence) {
            return fromInstant(parseIso(value.toString(), field), value, field);
        }
        throw new FieldValueException(
                field,
                "timestamp field holds a " + value.getClass().getSimpleName()
                        + "; expected a number, a Connect Timestamp or an ISO-8601 string");
    }

    private long fromInstant(Instant instant, Object value, String field) {
        try {
            return precision.fromEpochSecond(instant.getEpochSecond(), instant.getNano());
        } catch (ArithmeticException e) {
            throw new FieldValueException(field, "timestamp " + value + " is out of range", e);
        }
    }

    private long fromFraction(BigDecimal value, String field) {
        BigDecimal nanos = value.multiply(BigDecimal.valueOf(inputUnit.nanosPerUnit()));
        BigDecimal result = nanos.divide(BigDecimal.valueOf(precision.nanosPerUnit()), 0, RoundingMode.FLOOR);
        try {
            return result.longValueExact();
        } catch (ArithmeticException e) {
            throw new FieldValueException(field, "timestamp " + value + " is out of range", e);
        }
    }

    private long convert(long value, TimestampUnit unit, String field) {
        try {
            if (unit == TimestampUnit.MS && perMillisecond != 0) {
                return Math.multiplyExact(value, perMillisecond);
            }
            return precision.convert(value, unit);
        } catch (ArithmeticException e) {
            throw new FieldValueException(
                    field,
                    "timestamp " + value + " " + unit.configValue() + " does not fit a long in "
                            + precision.configValue(),
                    e);
        }
    }

    private static Instant parseIso(String text, String field) {
        try {
            TemporalAccessor parsed =
                    DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from, LocalDateTime::from);
            if (parsed instanceof ZonedDateTime) {
                return ((ZonedDateTime) parsed).toInstant();
            }
            return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new FieldValueException(field, "'" + text + "' is not an ISO-8601 date-time", e);
        }
    }
}
