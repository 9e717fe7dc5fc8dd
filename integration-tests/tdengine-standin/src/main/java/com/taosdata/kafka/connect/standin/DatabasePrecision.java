package com.taosdata.kafka.connect.standin;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * A database's timestamp precision and the conversions between ticks of that precision, instants and text.
 *
 * <p>REST answers format timestamps as RFC 3339 with exactly 3, 6 or 9 fraction digits per precision
 * (taosAdapter {@code tools/layout/time.go}); the RestfulDriver derives the precision from that digit count,
 * which is what makes {@code getLong} return nanoseconds for an {@code ns} database. taosAdapter renders
 * them in UTC unless the request says {@code tz}.
 */
public enum DatabasePrecision {
    MS("ms", 1_000L, 31_556_995_200_000L, "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"),
    US("us", 1_000_000L, 31_556_995_200_000_000L, "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX"),
    NS("ns", 1_000_000_000L, 9_214_646_400_000_000_000L, "yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX");

    /** TDengine's string timestamps: {@code 2018-10-03 14:38:05[.fff…]}, also with a {@code T} and a zone. */
    private static final DateTimeFormatter STRING_TS = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private final String text;
    private final long ticksPerSecond;
    private final long maxTicks;
    private final DateTimeFormatter formatter;

    DatabasePrecision(String text, long ticksPerSecond, long maxTicks, String pattern) {
        this.text = text;
        this.ticksPerSecond = ticksPerSecond;
        this.maxTicks = maxTicks;
        this.formatter = DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC);
    }

    public String text() {
        return text;
    }

    public long ticksPerSecond() {
        return ticksPerSecond;
    }

    /**
     * The latest timestamp a vnode accepts: TDengine's {@code tsMaxKeyByPrecision} ({@code tsdbWrite.c}), 1970 plus
     * 1000 years for ms and us, plus 292 years (the start of 2262) for ns.
     */
    public long maxTicks() {
        return maxTicks;
    }

    public static DatabasePrecision parse(String value) {
        for (DatabasePrecision p : values()) {
            if (p.text.equalsIgnoreCase(value)) {
                return p;
            }
        }
        throw ServerError.PAR_INVALID_DB_OPTION.error("Invalid option precision: " + value);
    }

    public long now() {
        return fromInstant(Instant.now());
    }

    public long fromInstant(Instant instant) {
        long nanosOfTick = 1_000_000_000L / ticksPerSecond;
        return Math.addExact(
                Math.multiplyExact(instant.getEpochSecond(), ticksPerSecond), instant.getNano() / nanosOfTick);
    }

    public Instant toInstant(long ticks) {
        return Instant.ofEpochSecond(
                Math.floorDiv(ticks, ticksPerSecond),
                Math.floorMod(ticks, ticksPerSecond) * (1_000_000_000L / ticksPerSecond));
    }

    public String format(long ticks) {
        return formatter.format(toInstant(ticks));
    }

    /**
     * Converts {@code value}, counted in units of {@code nanosPerUnit} nanoseconds, to ticks of this precision,
     * truncating extra digits; an overflow is TDengine's "Timestamp data out of range".
     */
    public long fromUnits(long value, long nanosPerUnit) {
        long nanosPerTick = 1_000_000_000L / ticksPerSecond;
        try {
            if (nanosPerUnit >= nanosPerTick) {
                return Math.multiplyExact(value, nanosPerUnit / nanosPerTick);
            }
            return value / (nanosPerTick / nanosPerUnit);
        } catch (ArithmeticException e) {
            throw ServerError.TDB_TIMESTAMP_OUT_OF_RANGE.error();
        }
    }

    /**
     * Converts {@code value}, counted in units of {@code nanosPerUnit} nanoseconds, to ticks of this precision,
     * truncating extra digits, without bounds: a schemaless timestamp is checked against the writable range only
     * when it reaches its vgroup.
     */
    public BigInteger fromUnits(BigInteger value, long nanosPerUnit) {
        long nanosPerTick = 1_000_000_000L / ticksPerSecond;
        return value.multiply(BigInteger.valueOf(nanosPerUnit)).divide(BigInteger.valueOf(nanosPerTick));
    }

    /** Parses a string timestamp; one without a zone is read as UTC, the zone taosAdapter answers in. */
    public long parseString(String text) {
        try {
            var parsed = STRING_TS.parseBest(text.trim(), OffsetDateTime::from, LocalDateTime::from);
            Instant instant = parsed instanceof LocalDateTime local
                    ? local.toInstant(ZoneOffset.UTC)
                    : ((OffsetDateTime) parsed).toInstant();
            return fromInstant(instant);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw ServerError.PAR_SYNTAX_ERROR.error("Invalid timestamp format: " + text);
        }
    }

    public static boolean looksLikeTimestamp(String text) {
        return text.length() >= 19 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(13) == ':';
    }
}
