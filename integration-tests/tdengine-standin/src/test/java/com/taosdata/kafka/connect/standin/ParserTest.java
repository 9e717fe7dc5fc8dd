package com.taosdata.kafka.connect.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schemaless parsers on their own, rule by rule from the schemaless doc. */
class ParserTest {

    private static ServerError codeOf(Runnable r) {
        try {
            r.run();
        } catch (ServerErrorException e) {
            return e.error();
        }
        throw new AssertionError("no error");
    }

    @Test
    void lineProtocolDocExample() {
        // schemaless doc: st,t1=3,t2=4,t3=t3 c1=3i64,c3="passit",c2=false,c4=4f64 1626006833639000000
        SmlPoint p = LineProtocolParser.parse(
                        "st,t1=3,t2=4,t3=t3 c1=3i64,c3=\"passit\",c2=false,c4=4f64 " + "1626006833639000000", "ns")
                .get(0);
        assertThat(p.measurement()).isEqualTo("st");
        assertThat(p.tags().keySet()).containsExactly("t1", "t2", "t3");
        assertThat(p.tags().get("t1").type()).isEqualTo(ColumnType.NCHAR);
        assertThat(p.fields().keySet()).containsExactly("c1", "c3", "c2", "c4");
        assertThat(p.fields().get("c1")).isEqualTo(SmlValue.fixed(ColumnType.BIGINT, 3L));
        assertThat(p.fields().get("c3")).isEqualTo(SmlValue.varchar("passit"));
        assertThat(p.fields().get("c2").value()).isEqualTo(false);
        assertThat(p.fields().get("c4").type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(p.timestamp()).isEqualTo(BigInteger.valueOf(1626006833639000000L));
    }

    @Test
    void backslashRules() {
        // schemaless doc backslash table: \ -> \, \\ -> \, \\\ -> \\
        SmlPoint p = LineProtocolParser.parse("m,t=a\\b,u=a\\\\b,v=a\\\\\\b f=\"x\\\\\\\\y\" 1", "ns")
                .get(0);
        assertThat(p.tags().get("t").value()).isEqualTo("a\\b");
        assertThat(p.tags().get("u").value()).isEqualTo("a\\b");
        assertThat(p.tags().get("v").value()).isEqualTo("a\\\\b");
        assertThat(p.fields().get("f").value()).isEqualTo("x\\\\y");
    }

    @Test
    void anEscapedBackslashEndsANameOrTagValueAtTheSeparatorAfterIt() {
        // 3.3.6.13 stores m\\,t=a\\,u=b\\\\ f=1 as measurement m\, tags a\ and b\\, and a\\=b as measurement a\=b
        SmlPoint p = LineProtocolParser.parse("m\\\\,t=a\\\\,k\\\\=b\\\\\\\\ f\\\\=1i 1", "ns")
                .get(0);
        assertThat(p.measurement()).isEqualTo("m\\");
        assertThat(p.tags()).containsOnlyKeys("t", "k\\");
        assertThat(p.tags().get("t").value()).isEqualTo("a\\");
        assertThat(p.tags().get("k\\").value()).isEqualTo("b\\\\");
        assertThat(p.fields()).containsOnlyKeys("f\\");
        assertThat(LineProtocolParser.parse("a\\\\=b f=1i 1", "ns").get(0).measurement())
                .isEqualTo("a\\=b");
        // a\\ b and a\\\ b are the value a\ (a\\) and then b where the field set should start: rejected
        assertThat(codeOf(() -> LineProtocolParser.parse("m,t=a\\\\ b f=1i 1", "ns")))
                .isEqualTo(ServerError.SML_INVALID_DATA);
        assertThat(codeOf(() -> LineProtocolParser.parse("m,t=a\\\\\\ b f=1i 1", "ns")))
                .isEqualTo(ServerError.SML_INVALID_DATA);
        assertThat(codeOf(() -> LineProtocolParser.parse("m,t=a\\\\,b f=1i 1", "ns")))
                .isEqualTo(ServerError.SML_INVALID_DATA);
    }

    @Test
    void stringsMayHoldSpacesCommasAndEquals() {
        SmlPoint p = LineProtocolParser.parse("m f=\"a b,c=d\",g=1i8", "ns").get(0);
        assertThat(p.fields().get("f").value()).isEqualTo("a b,c=d");
        assertThat(p.fields().get("g").type()).isEqualTo(ColumnType.TINYINT);
        assertThat(p.timestamp()).isNull();
    }

    @Test
    void lineProtocolErrors() {
        assertThat(codeOf(() -> LineProtocolParser.parse("m,t=1 f=300i8 1", "ns")))
                .isEqualTo(ServerError.TSC_INVALID_VALUE);
        assertThat(codeOf(() -> LineProtocolParser.parse("m,t=1 f=tru 1", "ns")))
                .isEqualTo(ServerError.TSC_INVALID_VALUE);
        assertThat(codeOf(() -> LineProtocolParser.parse("m,t=a=b f=1 1", "ns")))
                .isEqualTo(ServerError.SML_INVALID_DATA);
        assertThat(codeOf(() -> LineProtocolParser.parse("m,t=1", "ns"))).isEqualTo(ServerError.SML_INVALID_DATA);
        assertThat(codeOf(() -> LineProtocolParser.parse("m f=\"open 1", "ns")))
                .isEqualTo(ServerError.SML_INVALID_DATA);
        assertThat(codeOf(() -> LineProtocolParser.parse(",t=1 f=1 1", "ns"))).isEqualTo(ServerError.SML_INVALID_DATA);
        assertThat(codeOf(() -> LineProtocolParser.parse("   ", "ns"))).isEqualTo(ServerError.SML_MEASURE_INVALID);
        assertThat(codeOf(() -> LineProtocolParser.parse("m " + "k".repeat(64) + "=1", "ns")))
                .isEqualTo(ServerError.TSC_INVALID_COLUMN_LENGTH);
        assertThat(codeOf(() -> LineProtocolParser.parse("m f=1 12x", "ns"))).isEqualTo(ServerError.SML_INVALID_DATA);
        assertThat(LineProtocolParser.parse("m f=1 1", "d").get(0).nanosPerUnit())
                .isEqualTo(1L);
    }

    @Test
    void telnetPrecisionByDigits() {
        List<SmlPoint> points = TelnetParser.parse("sys.cpu 1648432611 1.5 host=a\nsys.cpu 1648432611249 2i32 host=a");
        assertThat(points.get(0).nanosPerUnit()).isEqualTo(1_000_000_000L);
        assertThat(points.get(1).nanosPerUnit()).isEqualTo(1_000_000L);
        assertThat(points.get(1).fields().get(SmlPointApplier.VALUE_COLUMN).type())
                .isEqualTo(ColumnType.INT);
        // clientSmlTelnet.c: only 10 or 13 digits; tags are required; bad values are "Invalid value in client"
        assertThat(codeOf(() -> TelnetParser.parse("sys.cpu 12345 1 host=a"))).isEqualTo(ServerError.INVALID_TIMESTAMP);
        assertThat(codeOf(() -> TelnetParser.parse("sys.cpu 1648432611 1"))).isEqualTo(ServerError.TSC_INVALID_VALUE);
        assertThat(codeOf(() -> TelnetParser.parse("sys.cpu 1648432611 x host=a")))
                .isEqualTo(ServerError.TSC_INVALID_VALUE);
        assertThat(codeOf(() -> TelnetParser.parse("sys.cpu 1648432611 1 =a")))
                .isEqualTo(ServerError.TSC_INVALID_COLUMN_LENGTH);
        assertThat(TelnetParser.parse("sys.cpu 0 1 host=a").get(0).timestamp()).isNull();
    }

    @Test
    void jsonObjectOrArray() {
        SmlPoint p = OpenTsdbJsonParser.parse("{\"metric\":\"m\",\"timestamp\":{\"value\":1,\"type\":\"s\"},"
                        + "\"value\":{\"value\":5,\"type\":\"int\"},\"tags\":{\"a\":\"x\",\"b\":true}}")
                .get(0);
        assertThat(p.nanosPerUnit()).isEqualTo(1_000_000_000L);
        assertThat(p.fields().get(SmlPointApplier.VALUE_COLUMN).type()).isEqualTo(ColumnType.INT);
        assertThat(p.tags().get("a").type()).isEqualTo(ColumnType.VARCHAR);
        assertThat(p.tags().get("b").type()).isEqualTo(ColumnType.BOOL);
        assertThat(OpenTsdbJsonParser.parse("[{\"metric\":\"m\",\"timestamp\":0,\"value\":1,\"tags\":{}}]")
                        .get(0)
                        .timestamp())
                .isNull();
        assertThat(codeOf(() -> OpenTsdbJsonParser.parse("[{\"timestamp\":1,\"value\":1}]")))
                .isEqualTo(ServerError.SML_INVALID_DATA);
    }

    @Test
    void childTableNameIsMd5OfMeasurementAndSortedTags() {
        // schemaless doc rule 1: "measurement,tag_key1=tag_value1,…" with keys sorted, then "t_" + md5
        String name =
                SmlPointApplier.childTableName("st", Map.of("t2", SmlValue.nchar("4"), "t1", SmlValue.nchar("3")));
        assertThat(name).isEqualTo("t_" + md5("st,t1=3,t2=4"));
        assertThat(SmlPointApplier.childTableName("st", Map.of())).isEqualTo("t_" + md5("st"));
    }

    private static String md5(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void precisionConversions() {
        assertThat(DatabasePrecision.NS.fromUnits(1648432611L, 1_000_000_000L)).isEqualTo(1648432611000000000L);
        assertThat(DatabasePrecision.MS.fromUnits(1648432611249000001L, 1L)).isEqualTo(1648432611249L);
        assertThat(codeOf(() -> DatabasePrecision.NS.fromUnits(99999999999L, 1_000_000_000L)))
                .isEqualTo(ServerError.TDB_TIMESTAMP_OUT_OF_RANGE);
        // schemaless timestamps convert unbounded; their range is checked per vgroup when written
        assertThat(DatabasePrecision.NS.fromUnits(new BigInteger("99999999999"), 1_000_000_000L))
                .isEqualTo(new BigInteger("99999999999000000000"));
        assertThat(DatabasePrecision.MS.fromUnits(new BigInteger("1648432611249999999"), 1L))
                .isEqualTo(BigInteger.valueOf(1648432611249L));
        assertThat(DatabasePrecision.NS.format(1648432611249000001L)).isEqualTo("2022-03-28T01:56:51.249000001Z");
        assertThat(DatabasePrecision.MS.parseString("2022-03-28 01:56:51.249")).isEqualTo(1648432611249L);
    }
}
