package com.taosdata.kafka.connect.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * SQL literals as a real TDengine 3.3.6.13 reads them: strings single-quoted with {@code \'} and {@code \\}, bytes as
 * {@code '\x…'} in lower-case hex, decimals as plain numbers, floating point as Java prints it ({@code 1.5E10}).
 */
class SqlLiteralsTest {

    private static String literal(Object value) {
        StringBuilder sql = new StringBuilder();
        SqlLiterals.append(sql, value);
        return sql.toString();
    }

    @Test
    void aMissingValueIsNull() {
        assertThat(literal(null)).isEqualTo("NULL");
    }

    @Test
    void integersAreWrittenInFull() {
        assertThat(literal(42L)).isEqualTo("42");
        assertThat(literal(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
        assertThat(literal(new BigInteger("18446744073709551615"))).isEqualTo("18446744073709551615");
    }

    @Test
    void floatingPointIsWrittenAsJavaPrintsItsShortestForm() {
        assertThat(literal(1.5)).isEqualTo("1.5");
        assertThat(literal(1.5e10)).isEqualTo("1.5E10");
        assertThat(literal(-2.5e-7)).isEqualTo("-2.5E-7");
        assertThat(literal(0.1f)).isEqualTo("0.1");
        assertThat(literal(3.4028235e38f)).isEqualTo("3.4028235E38");
    }

    @Property(tries = 5_000)
    void aDoubleIsWrittenAsDoubleToStringWritesIt(@ForAll double any, @ForAll @IntRange(max = 99_999_999) int digits) {
        double measured = digits / 1000.0;

        assertThat(literal(any)).isEqualTo(Double.toString(any));
        assertThat(literal(measured)).isEqualTo(Double.toString(measured));
        assertThat(literal(-measured)).isEqualTo(Double.toString(-measured));
    }

    @Test
    void decimalsAreWrittenAsPlainNumbersWithTheirScale() {
        assertThat(literal(new BigDecimal("1.50"))).isEqualTo("1.50");
        assertThat(literal(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(literal(new BigDecimal("-0.000001"))).isEqualTo("-0.000001");
    }

    @Test
    void booleansAreTrueAndFalse() {
        assertThat(literal(true)).isEqualTo("true");
        assertThat(literal(false)).isEqualTo("false");
    }

    @Test
    void stringsAreSingleQuotedWithQuotesAndBackslashesEscapedOnce() {
        assertThat(literal("Cal's \\x")).isEqualTo("'Cal\\'s \\\\x'");
        assertThat(literal("")).isEqualTo("''");
        assertThat(literal("'")).isEqualTo("'\\''");
        assertThat(literal("\\'")).isEqualTo("'\\\\\\''");
        assertThat(literal("a\"b`c")).isEqualTo("'a\"b`c'");
        assertThat(literal("北京 😀")).isEqualTo("'北京 😀'");
    }

    @Test
    void bytesAreAQuotedLowerCaseHexStringWithTwoDigitsPerByte() {
        assertThat(literal(new byte[] {0x0a, (byte) 0xff})).isEqualTo("'\\x0aff'");
        assertThat(literal(new byte[] {0, 1, (byte) 0x80, 0x7f, (byte) 0xAB})).isEqualTo("'\\x0001807fab'");
    }
}
