package com.taosdata.kafka.connect.sink.row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.schemas.TdengineType;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.schemas.mapping.ColumnMapping;
import com.taosdata.kafka.connect.sink.row.ValueConverter.ValueMismatch;
import com.taosdata.kafka.connect.sink.table.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Values converted to their column's declared type: exactly, or refused with a {@link ValueMismatch}. */
class ValueConverterTest {

    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
    private static final ColumnType INT = ColumnType.of(TdengineType.INT);

    private final ValueConverter ms = new ValueConverter(TimestampUnit.MS);

    private Object convert(Object value, ColumnType column) {
        return ms.convert(value, null, column);
    }

    private void assertRefused(Object value, ColumnType column) {
        assertThatThrownBy(() -> convert(value, column)).isInstanceOf(ValueMismatch.class);
    }

    static Stream<Arguments> integerRanges() {
        return Stream.of(
                Arguments.of(TdengineType.TINYINT, -128L, 127L),
                Arguments.of(TdengineType.SMALLINT, -32_768L, 32_767L),
                Arguments.of(TdengineType.INT, -2_147_483_648L, 2_147_483_647L),
                Arguments.of(TdengineType.TINYINT_UNSIGNED, 0L, 255L),
                Arguments.of(TdengineType.SMALLINT_UNSIGNED, 0L, 65_535L),
                Arguments.of(TdengineType.INT_UNSIGNED, 0L, 4_294_967_295L));
    }

    @ParameterizedTest
    @MethodSource("integerRanges")
    void integerColumnsTakeTheirRangeEdgesAndRefuseOnePastEach(TdengineType type, long min, long max) {
        ColumnType column = ColumnType.of(type);

        assertThat(convert(min, column)).isEqualTo(min);
        assertThat(convert(max, column)).isEqualTo(max);
        assertRefused(min - 1, column);
        assertRefused(max + 1, column);
    }

    @ParameterizedTest
    @MethodSource("integerRanges")
    void integerColumnsTakeTheirEdgesAsIntegralDoublesAndBigIntegers(TdengineType type, long min, long max) {
        ColumnType column = ColumnType.of(type);

        assertThat(convert((double) max, column)).isEqualTo(max);
        assertThat(convert(BigInteger.valueOf(min), column)).isEqualTo(min);
        assertRefused(BigInteger.valueOf(max).add(BigInteger.ONE), column);
        assertRefused((double) (min - 1), column);
    }

    @Test
    void bigintTakesEveryLongAndRefusesOnePastEither() {
        ColumnType bigint = ColumnType.of(TdengineType.BIGINT);

        assertThat(convert(Long.MIN_VALUE, bigint)).isEqualTo(Long.MIN_VALUE);
        assertThat(convert(Long.MAX_VALUE, bigint)).isEqualTo(Long.MAX_VALUE);
        assertRefused(BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE), bigint);
        assertRefused(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE), bigint);
        assertRefused(new BigDecimal("9223372036854775808"), bigint);
    }

    @Test
    void smallJavaIntegerTypesAreWidenedToLong() {
        assertThat(convert((byte) -5, INT)).isEqualTo(-5L);
        assertThat(convert((short) 300, INT)).isEqualTo(300L);
        assertThat(convert(7, INT)).isEqualTo(7L);
    }

    @Test
    void bigintUnsignedTakesZeroToTwoToThe64MinusOne() {
        ColumnType ubigint = ColumnType.of(TdengineType.BIGINT_UNSIGNED);
        BigInteger max = TWO_TO_64.subtract(BigInteger.ONE);

        assertThat(convert(0L, ubigint)).isEqualTo(0L);
        assertThat(convert(Long.MAX_VALUE, ubigint)).isEqualTo(Long.MAX_VALUE);
        assertThat(convert(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE), ubigint))
                .isEqualTo(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE));
        assertThat(convert(max, ubigint)).isEqualTo(max);
        assertThat(convert(new BigDecimal(max), ubigint)).isEqualTo(max);
        assertRefused(TWO_TO_64, ubigint);
        assertRefused(-1L, ubigint);
        assertRefused(BigInteger.ONE.negate(), ubigint);
        assertRefused(new BigDecimal("1.5"), ubigint);
        assertRefused("1", ubigint);
    }

    @ParameterizedTest
    @EnumSource(
            value = TdengineType.class,
            names = {"TINYINT", "INT", "BIGINT", "INT_UNSIGNED", "BIGINT_UNSIGNED"})
    void fractionsAreRefusedByIntegerColumnsAndIntegralFractionalValuesAccepted(TdengineType type) {
        ColumnType column = ColumnType.of(type);

        assertRefused(1.5, column);
        assertRefused(0.5f, column);
        assertRefused(new BigDecimal("2.01"), column);
        assertRefused(1e-300, column);
        assertThat(convert(3.0, column)).isEqualTo(3L);
        assertThat(convert(100f, column)).isEqualTo(100L);
        assertThat(convert(new BigDecimal("4.000"), column)).isEqualTo(4L);
        assertThat(convert(new BigDecimal("1E+2"), column)).isEqualTo(100L);
    }

    @ParameterizedTest
    @EnumSource(
            value = TdengineType.class,
            names = {"TINYINT", "INT", "BIGINT", "INT_UNSIGNED", "BIGINT_UNSIGNED", "FLOAT", "DOUBLE", "DECIMAL"})
    void nanAndInfinitiesAreRefusedByEveryNumericColumn(TdengineType type) {
        ColumnType column = type == TdengineType.DECIMAL ? ColumnType.decimal(10, 2) : ColumnType.of(type);

        assertRefused(Double.NaN, column);
        assertRefused(Double.POSITIVE_INFINITY, column);
        assertRefused(Double.NEGATIVE_INFINITY, column);
        assertRefused(Float.NaN, column);
        assertRefused(Float.POSITIVE_INFINITY, column);
    }

    @Test
    void integerColumnsRefuseNonNumbers() {
        assertRefused("12", INT);
        assertRefused(true, INT);
        assertRefused(new byte[] {1}, INT);
    }

    @Test
    void floatTakesItsRangeAsFloatAndRefusesBeyond() {
        ColumnType real = ColumnType.of(TdengineType.FLOAT);

        assertThat(convert(1.5, real)).isEqualTo(1.5f);
        assertThat(convert(0.1f, real)).isEqualTo(0.1f);
        assertThat(convert((double) Float.MAX_VALUE, real)).isEqualTo(Float.MAX_VALUE);
        assertThat(convert((double) -Float.MAX_VALUE, real)).isEqualTo(-Float.MAX_VALUE);
        assertThat(convert(12L, real)).isEqualTo(12f);
        assertRefused(Float.MAX_VALUE * 2.0, real);
        assertRefused(-Float.MAX_VALUE * 2.0, real);
        assertRefused(Double.MAX_VALUE, real);
        assertRefused("1.5", real);
    }

    @Test
    void doubleTakesEveryFiniteDouble() {
        ColumnType dbl = ColumnType.of(TdengineType.DOUBLE);

        assertThat(convert(Double.MAX_VALUE, dbl)).isEqualTo(Double.MAX_VALUE);
        assertThat(convert(-Double.MIN_VALUE, dbl)).isEqualTo(-Double.MIN_VALUE);
        assertThat(convert(0.1f, dbl)).isEqualTo((double) 0.1f);
        assertThat(convert(3, dbl)).isEqualTo(3.0);
        assertRefused(false, dbl);
    }

    /** "é" is 2 UTF-8 bytes, "€" 3, "😀" (a surrogate pair) 4: one character each. */
    @Test
    void varcharCountsUtf8BytesUpToTheExactLimit() {
        ColumnType varchar = ColumnType.sized(TdengineType.VARCHAR, 10);

        assertThat(convert("abcdefghij", varchar)).isEqualTo("abcdefghij");
        assertRefused("abcdefghijk", varchar);
        assertThat(convert("ééé€a", varchar)).isEqualTo("ééé€a");
        assertRefused("ééé€ab", varchar);
        assertThat(convert("😀😀ab", varchar)).isEqualTo("😀😀ab");
        assertRefused("😀😀abc", varchar);
        assertRefused("😀😀😀", varchar);
    }

    @Test
    void aTooLongStringsMismatchCarriesItsLength() {
        assertThatThrownBy(() -> convert("😀😀😀", ColumnType.sized(TdengineType.VARCHAR, 10)))
                .isInstanceOfSatisfying(
                        ValueMismatch.class, e -> assertThat(e.length()).isEqualTo(12));
        assertThatThrownBy(() -> convert("😀😀😀", ColumnType.sized(TdengineType.NCHAR, 2)))
                .isInstanceOfSatisfying(
                        ValueMismatch.class, e -> assertThat(e.length()).isEqualTo(3));
        assertThatThrownBy(() -> convert(1.5, INT))
                .isInstanceOfSatisfying(
                        ValueMismatch.class, e -> assertThat(e.length()).isEqualTo(-1));
    }

    @Test
    void ncharCountsCharactersWithASurrogatePairAsOne() {
        ColumnType nchar = ColumnType.sized(TdengineType.NCHAR, 4);

        assertThat(convert("😀é€a", nchar)).isEqualTo("😀é€a");
        assertThat(convert("😀😀😀😀", nchar)).isEqualTo("😀😀😀😀");
        assertRefused("😀😀😀😀a", nchar);
        assertRefused("abcde", nchar);
    }

    @Test
    void neededLengthFollowsTheColumnsUnit() {
        assertThat(ValueConverter.neededLength("😀é", ColumnType.sized(TdengineType.VARCHAR, 1)))
                .isEqualTo(6);
        assertThat(ValueConverter.neededLength("😀é", ColumnType.sized(TdengineType.NCHAR, 1)))
                .isEqualTo(2);
        assertThat(ValueConverter.neededLength(new byte[5], ColumnType.sized(TdengineType.VARBINARY, 1)))
                .isEqualTo(5);
        assertThat(ValueConverter.neededLength(new Object(), ColumnType.sized(TdengineType.VARCHAR, 1)))
                .isEqualTo(-1);
    }

    @Test
    void stringColumnsTakeNumbersAndBooleansAsTheirText() {
        ColumnType varchar = ColumnType.sized(TdengineType.VARCHAR, 20);

        assertThat(convert(42L, varchar)).isEqualTo("42");
        assertThat(convert(new BigDecimal("1E+3"), varchar)).isEqualTo("1000");
        assertThat(convert(true, varchar)).isEqualTo("true");
        assertRefused(new byte[] {1}, varchar);
    }

    @Test
    void varbinaryTakesBytesBuffersAndStringsAsUtf8UpToItsLength() {
        ColumnType varbinary = ColumnType.sized(TdengineType.VARBINARY, 4);
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {9, 1, 2, 3, 4, 9}, 1, 4);

        assertThat((byte[]) convert(new byte[] {0, -1, 10, 127}, varbinary)).containsExactly(0, -1, 10, 127);
        assertThat((byte[]) convert(buffer, varbinary)).containsExactly(1, 2, 3, 4);
        assertThat(buffer.remaining()).isEqualTo(4);
        assertThat((byte[]) convert("é€", ColumnType.sized(TdengineType.VARBINARY, 5)))
                .containsExactly("é€".getBytes(StandardCharsets.UTF_8));
        assertRefused(new byte[5], varbinary);
        assertRefused(ByteBuffer.wrap(new byte[5]), varbinary);
        assertRefused("é€", varbinary);
        assertRefused(12L, varbinary);
    }

    @Test
    void timestampColumnsTakeDatesInTheDatabasePrecisionAndNumbersAsTheyAre() {
        ColumnType timestamp = ColumnType.of(TdengineType.TIMESTAMP);
        Date date = new Date(1_796_316_133_135L);

        assertThat(new ValueConverter(TimestampUnit.MS).convert(date, ColumnMapping.TIMESTAMP, timestamp))
                .isEqualTo(1_796_316_133_135L);
        assertThat(new ValueConverter(TimestampUnit.US).convert(date, ColumnMapping.TIMESTAMP, timestamp))
                .isEqualTo(1_796_316_133_135_000L);
        assertThat(new ValueConverter(TimestampUnit.NS).convert(date, ColumnMapping.DATE, timestamp))
                .isEqualTo(1_796_316_133_135_000_000L);
        assertThat(new ValueConverter(TimestampUnit.NS).convert(new Date(-1), ColumnMapping.TIMESTAMP, timestamp))
                .isEqualTo(-1_000_000L);
        assertThat(new ValueConverter(TimestampUnit.US).convert(5L, ColumnMapping.INT64, timestamp))
                .isEqualTo(5L);
        assertRefused("2026-01-01", timestamp);
        assertRefused(1.5, timestamp);
    }

    /** Year 2262 and later has no nanosecond epoch in a long: a data error, not an ArithmeticException. */
    @Test
    void aDateBeyondTheLongRangeOfItsPrecisionIsRefused() {
        Date farFuture = new Date(Long.MAX_VALUE / 1000);
        ValueConverter ns = new ValueConverter(TimestampUnit.NS);

        assertThatThrownBy(() -> ns.convert(farFuture, ColumnMapping.TIMESTAMP, ColumnType.of(TdengineType.TIMESTAMP)))
                .isInstanceOf(ValueMismatch.class);
        assertThatThrownBy(() -> ns.convert(farFuture, ColumnMapping.TIMESTAMP, ColumnType.of(TdengineType.BIGINT)))
                .isInstanceOf(ValueMismatch.class);
    }

    @Test
    void protobufTimestampsGoIntoTimestampAndBigintColumnsToTheNanosecondTheDatabaseKeeps() {
        Instant instant = Instant.ofEpochSecond(1_700_000_000L, 123_456_789);
        ColumnType timestamp = ColumnType.of(TdengineType.TIMESTAMP);
        ColumnType bigint = ColumnType.of(TdengineType.BIGINT);

        assertThat(new ValueConverter(TimestampUnit.NS).convert(instant, ColumnMapping.TIMESTAMP, timestamp))
                .isEqualTo(1_700_000_000_123_456_789L);
        assertThat(new ValueConverter(TimestampUnit.US).convert(instant, ColumnMapping.TIMESTAMP, timestamp))
                .isEqualTo(1_700_000_000_123_456L);
        assertThat(ms.convert(instant, ColumnMapping.TIMESTAMP, bigint)).isEqualTo(1_700_000_000_123L);
        assertThatThrownBy(() -> ms.convert(instant, null, bigint)).isInstanceOf(ValueMismatch.class);
        assertThatThrownBy(() -> new ValueConverter(TimestampUnit.NS)
                        .convert(Instant.ofEpochSecond(Long.MAX_VALUE / 1000), ColumnMapping.TIMESTAMP, timestamp))
                .isInstanceOf(ValueMismatch.class)
                .hasMessageContaining("out of range for a timestamp in ns");
    }

    @Test
    void datesGoIntoBigintColumnsOnlyWhenTheirSchemaIsATimeType() {
        ColumnType bigint = ColumnType.of(TdengineType.BIGINT);
        Date date = new Date(1_500L);

        assertThat(new ValueConverter(TimestampUnit.US).convert(date, ColumnMapping.TIME, bigint))
                .isEqualTo(1_500_000L);
        assertThatThrownBy(() -> ms.convert(date, ColumnMapping.STRING, bigint)).isInstanceOf(ValueMismatch.class);
        assertThatThrownBy(() -> ms.convert(date, null, bigint)).isInstanceOf(ValueMismatch.class);
    }

    @Test
    void decimalTakesValuesWithinItsScaleAndPrecisionAtItsScale() {
        ColumnType decimal = ColumnType.decimal(5, 2);

        assertThat(convert(new BigDecimal("123.45"), decimal)).isEqualTo(new BigDecimal("123.45"));
        assertThat((BigDecimal) convert(new BigDecimal("1.5"), decimal))
                .hasScaleOf(2)
                .isEqualByComparingTo("1.50");
        assertThat((BigDecimal) convert(new BigDecimal("-999.99"), decimal)).isEqualByComparingTo("-999.99");
        assertThat((BigDecimal) convert(7L, decimal)).hasScaleOf(2).isEqualByComparingTo("7");
        assertThat((BigDecimal) convert(0.25, decimal)).hasScaleOf(2).isEqualByComparingTo("0.25");
        assertThat((BigDecimal) convert(new BigDecimal("1.500"), decimal))
                .hasScaleOf(2)
                .isEqualByComparingTo("1.5");
        assertRefused(new BigDecimal("1.234"), decimal);
        assertRefused(new BigDecimal("1000.00"), decimal);
        assertRefused(new BigDecimal("-1000"), decimal);
        assertRefused(0.001, decimal);
        assertRefused("1.5", decimal);
    }

    @Test
    void decimalWithoutFractionDigitsRefusesAnyFraction() {
        ColumnType decimal = ColumnType.decimal(38, 0);
        BigInteger huge = BigInteger.TEN.pow(38).subtract(BigInteger.ONE);

        assertThat((BigDecimal) convert(new BigDecimal(huge), decimal)).isEqualByComparingTo(new BigDecimal(huge));
        assertRefused(new BigDecimal(huge.add(BigInteger.ONE)), decimal);
        assertRefused(new BigDecimal("0.5"), decimal);
    }

    @Test
    void boolTakesOnlyBooleans() {
        ColumnType bool = ColumnType.of(TdengineType.BOOL);

        assertThat(convert(true, bool)).isEqualTo(true);
        assertThat(convert(false, bool)).isEqualTo(false);
        assertRefused(1L, bool);
        assertRefused("true", bool);
    }

    @ParameterizedTest
    @ValueSource(strings = {"JSON", "GEOMETRY"})
    void jsonAndGeometryColumnsAreNotWritten(String type) {
        assertRefused("{}", ColumnType.sized(TdengineType.valueOf(type), 100));
    }

    @Property(tries = 1000)
    void anyLongWithinIntsRangeConvertsToItself(
            @ForAll @LongRange(min = Integer.MIN_VALUE, max = Integer.MAX_VALUE) long value) {
        assertThat(convert(value, INT)).isEqualTo(value);
    }

    @Property(tries = 1000)
    void anyLongOutsideIntsRangeIsRefused(@ForAll("outsideInt") long value) {
        assertRefused(value, INT);
    }

    @Provide
    Arbitrary<Long> outsideInt() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(Long.MIN_VALUE, Integer.MIN_VALUE - 1L),
                Arbitraries.longs().between(Integer.MAX_VALUE + 1L, Long.MAX_VALUE));
    }
}
