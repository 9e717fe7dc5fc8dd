package com.taosdata.kafka.connect.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schemaless endpoints, verified through the RestfulDriver; rules from the schemaless doc and facts note. */
class SchemalessTest {
    /** A recent whole second in ms, so rows fall inside the default KEEP of 3650 days. */
    private static final long T0_MS = (System.currentTimeMillis() / 1000 - 3600) * 1000;

    private static final long T0_NS = T0_MS * 1_000_000L;

    private TDengineStandIn standIn;

    @BeforeEach
    void start() throws Exception {
        standIn = TDengineStandIn.start(StandInOptions.defaults().withDatabaseCreationDelayMillis(0));
        assertThat(Http.sql(standIn, "create database power precision 'ns'").body())
                .contains("\"code\":0");
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private List<List<String>> query(String sql) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(standIn.jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> header = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                header.add(md.getColumnLabel(i));
            }
            rows.add(header);
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void tutorialLinesReadBackThroughTheRestfulDriver() throws Exception {
        // schemaless doc example data ("Schemaless Writing Example", InfluxDB line protocol), precision ns
        String lines = String.join(
                "\n",
                "meters,location=Beijing.Haidian,groupid=2 current=11.8,voltage=221,phase=0.28 1648432611249000000",
                "meters,location=Beijing.Haidian,groupid=2 current=13.4,voltage=223,phase=0.29 1648432611250000000",
                "meters,location=Beijing.Haidian,groupid=3 current=10.8,voltage=223,phase=0.29 1648432611249000000",
                "meters,location=Beijing.Haidian,groupid=3 current=11.3,voltage=221,phase=0.35 1648432611250000000");
        HttpResponse<String> response = Http.influx(standIn, "power", "ns", lines);
        assertThat(response.statusCode()).isEqualTo(204);

        try (Connection c = DriverManager.getConnection(standIn.jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select * from power.meters order by groupid, _ts")) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                names.add(md.getColumnLabel(i));
            }
            assertThat(names).containsExactly("_ts", "current", "voltage", "phase", "location", "groupid");
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getLong("_ts") + " " + rs.getDouble("current") + " " + rs.getDouble("voltage") + " "
                        + rs.getDouble("phase") + " " + rs.getString("location") + " " + rs.getString("groupid"));
                assertThat(rs.getTimestamp(1).toInstant().getNano() % 1_000_000).isZero();
            }
            assertThat(rows)
                    .containsExactly(
                            "1648432611249000000 11.8 221.0 0.28 Beijing.Haidian 2",
                            "1648432611250000000 13.4 223.0 0.29 Beijing.Haidian 2",
                            "1648432611249000000 10.8 223.0 0.29 Beijing.Haidian 3",
                            "1648432611250000000 11.3 221.0 0.35 Beijing.Haidian 3");
        }
        assertThat(query("select tbname from power.meters where groupid = '2' limit 1")
                        .get(1)
                        .get(0))
                .matches("t_[0-9a-f]{32}")
                .isEqualTo(SmlPointApplier.childTableName(
                        "meters",
                        Map.of("location", SmlValue.nchar("Beijing.Haidian"), "groupid", SmlValue.nchar("2"))));
    }

    @Test
    void typesFollowTheSuffixes() throws Exception {
        // schemaless doc, numeric suffix table; facts note for u8 and the JDBC names
        assertThat(Http.influx(
                                standIn,
                                "power",
                                "ms",
                                "st,t1=3 c1=3i64,c2=false,c3=\"passit\",c4=4f64,"
                                        + "c5=1i8,c6=2i16,c7=3i32,c8=4u8,c9=5f32,c10=L\"n\",c11=6i,c12=T,c13=7u64 1626006833639")
                        .statusCode())
                .isEqualTo(204);
        List<String> described = new ArrayList<>();
        for (List<String> row : query("describe power.st")) {
            described.add(row.get(0) + ":" + row.get(1) + ":" + row.get(3));
        }
        assertThat(described.subList(1, described.size()))
                .containsExactly(
                        "_ts:TIMESTAMP:",
                        "c1:BIGINT:",
                        "c2:BOOL:",
                        "c3:VARCHAR:",
                        "c4:DOUBLE:",
                        "c5:TINYINT:",
                        "c6:SMALLINT:",
                        "c7:INT:",
                        "c8:TINYINT UNSIGNED:",
                        "c9:FLOAT:",
                        "c10:NCHAR:",
                        "c11:BIGINT:",
                        "c12:BOOL:",
                        "c13:BIGINT UNSIGNED:",
                        "t1:NCHAR:TAG");
        List<String> row = query("select c1, c2, c3, c12, _ts from power.st").get(1);
        assertThat(row.subList(0, 4)).containsExactly("3", "false", "passit", "true");
    }

    @Test
    void escapesAreRemovedFromStoredNamesAndValues() throws Exception {
        // schemaless doc escape tables; facts note examples
        String line =
                "my\\ meas,t=a\\ b\\,c\\=d,dev.id=北京.海淀 s=\"he said \\\"hi\\\" back\\\\slash\",x=\"a\\b\" " + T0_NS;
        assertThat(Http.influx(standIn, "power", "ns", line).statusCode()).isEqualTo(204);
        List<List<String>> rows = query("select t, `dev.id`, s, x from power.`my meas`");
        assertThat(rows.get(1)).containsExactly("a b,c=d", "北京.海淀", "he said \"hi\" back\\slash", "a\\b");
    }

    @Test
    void newFieldsAndTagsAddColumnsAndAbsentFieldsStayNull() throws Exception {
        assertThat(Http.influx(standIn, "power", "ms", "m,t1=a c1=1i32 " + T0_MS)
                        .statusCode())
                .isEqualTo(204);
        assertThat(Http.influx(
                                standIn,
                                "power",
                                "ms",
                                "m,t1=a,t2=b c1=2i32,c2=\"xyz\" " + (T0_MS + 1) + "\nm c1=3i32 " + (T0_MS + 2))
                        .statusCode())
                .isEqualTo(204);
        List<List<String>> rows = query("select * from power.m order by _ts");
        assertThat(rows.get(0)).containsExactly("_ts", "c1", "c2", "t1", "t2", "_tag_null");
        assertThat(rows.get(1).subList(1, 6)).containsExactly("1", null, "a", null, null);
        assertThat(rows.get(2).subList(1, 6)).containsExactly("2", "xyz", "a", "b", null);
        assertThat(rows.get(3).subList(1, 6)).containsExactly("3", null, null, null, null);
    }

    @Test
    void sameTimestampOverwritesTheFieldsCarried() throws Exception {
        assertThat(Http.influx(standIn, "power", "ms", "m,t=1 a=1i32,b=2i32 " + T0_MS)
                        .statusCode())
                .isEqualTo(204);
        assertThat(Http.influx(standIn, "power", "ms", "m,t=1 a=5i32 " + T0_MS).statusCode())
                .isEqualTo(204);
        List<List<String>> rows = query("select a, b from power.m");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).containsExactly("5", "2");
        // within one request the later line wins
        assertThat(Http.influx(standIn, "power", "ms", "m,t=1 a=6i32 " + T0_MS + "\nm,t=1 a=7i32 " + T0_MS)
                        .statusCode())
                .isEqualTo(204);
        assertThat(query("select a, b from power.m").get(1)).containsExactly("7", "2");
    }

    @Test
    void largeRequestsAreWrittenCompletely() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            lines.append("big,dev=d")
                    .append(i % 50)
                    .append(" v=")
                    .append(i)
                    .append("i64 ")
                    .append(T0_MS + i)
                    .append('\n');
        }
        assertThat(Http.influx(standIn, "power", "ms", lines.toString()).statusCode())
                .isEqualTo(204);
        assertThat(query("select count(*) from power.big").get(1)).containsExactly("20000");
        assertThat(query("select count(*) from power.big where dev = 'd7'").get(1))
                .containsExactly("400");
    }

    @Test
    void missingTimestampIsServerTimeInTheDatabasePrecision() throws Exception {
        long before = Instant.now().toEpochMilli();
        assertThat(Http.influx(standIn, "power", "ns", "m,t=1 a=1").statusCode())
                .isEqualTo(204);
        try (Connection c = DriverManager.getConnection(standIn.jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select _ts from power.m")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1) / 1_000_000)
                    .isBetween(before, Instant.now().toEpochMilli());
        }
    }

    @Test
    void precisionParameterConvertsToTheDatabasePrecision() throws Exception {
        assertThat(Http.influx(standIn, "power", "s", "m,t=1 a=1 1648432611").statusCode())
                .isEqualTo(204);
        assertThat(Http.influx(standIn, "power", "u", "m,t=1 a=2 1648432612000001")
                        .statusCode())
                .isEqualTo(204);
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(standIn.jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select _ts from power.m order by _ts")) {
            while (rs.next()) {
                rows.add(List.of(Long.toString(rs.getLong(1))));
            }
        }
        assertThat(rows).containsExactly(List.of("1648432611000000000"), List.of("1648432612000001000"));
    }

    @Test
    void telnetAndJsonCreateValueColumnsWithTags() throws Exception {
        // OpenTSDB telnet: precision by digit count (facts note); tags NCHAR
        HttpResponse<String> telnet = Http.post(
                standIn.httpUrl() + "/opentsdb/v1/put/telnet/power",
                "meters.current 1648432611249 10.3 location=SF groupid=2\n"
                        + "meters.current 1648432612 12.5 location=SF groupid=2\n",
                Http.ROOT_AUTH);
        assertThat(telnet.statusCode()).isEqualTo(204);
        List<List<String>> rows = query("select * from power.`meters.current` order by _ts");
        assertThat(rows.get(0)).containsExactly("_ts", "_value", "location", "groupid");
        assertThat(rows).hasSize(3);
        HttpResponse<String> json = Http.post(
                standIn.httpUrl() + "/opentsdb/v1/put/json/power",
                "[{\"metric\":\"meters.voltage\",\"timestamp\":1648432611249,\"value\":219,"
                        + "\"tags\":{\"location\":\"SF\",\"groupid\":2}}]",
                Http.ROOT_AUTH);
        assertThat(json.statusCode()).isEqualTo(204);
        List<String> types = new ArrayList<>();
        for (List<String> row : query("describe power.`meters.voltage`").subList(1, 5)) {
            types.add(row.get(0) + ":" + row.get(1));
        }
        assertThat(types).containsExactly("_ts:TIMESTAMP", "_value:DOUBLE", "location:VARCHAR", "groupid:DOUBLE");
    }

    @Test
    void errorsAnswerWithTDengineCodes() throws Exception {
        assertError(Http.influx(standIn, "power", "ns", "m,t= a=1 1"), "[0x3002]");
        assertError(Http.influx(standIn, "power", "ns", "big,t=1 a=1 99999999999999999999"), "[0x60b]");
        assertError(Http.influx(standIn, "power", "ns", ""), "[0x20a]");
        assertError(Http.influx(standIn, "power", "ns", "m,t=1 a=1 1\n\nm,t=1 a=2 2"), "[0x20a]");
        assertError(Http.influx(standIn, "power", "ns", "m,t=1 a=abc 1"), "[0x203]");
        assertError(Http.influx(standIn, "power", "ns", "m,t=1 a=300i8 1"), "[0x203]");
        assertError(Http.influx(standIn, "power", "ns", "m,=1 a=1 1"), "[0x21f]");
        assertError(Http.influx(standIn, "power", "ns", ",t=1 a=1 1"), "[0x3002]");
        assertError(Http.influx(standIn, "power", "ns", "m,t=1"), "[0x3002]");
        assertError(Http.influx(standIn, "nodb", "ns", "m,t=1 a=1 1"), "[0x388]");
        assertError(Http.influx(standIn, "power", "ns", "m,t=1 a=1i32 1\nm,t=1 a=1 2"), "[0x3004]");
        assertThat(Http.influx(standIn, "power", "ns", "m,t=1 a=1i32 " + T0_NS).statusCode())
                .isEqualTo(204);
        assertError(Http.influx(standIn, "power", "ns", "m,t=1 a=\"s\" 2"), "[0x3002]");
        HttpResponse<String> telnet =
                Http.post(standIn.httpUrl() + "/opentsdb/v1/put/telnet/power", "m 123 1 t=1", Http.ROOT_AUTH);
        assertThat(telnet.statusCode()).isEqualTo(500);
        JsonNode body = RestResponses.json().readTree(telnet.body());
        assertThat(body.get("code").asInt()).isEqualTo(500);
        assertThat(body.get("message").asText()).startsWith("[0x127]");
    }

    @Test
    void unknownPrecisionIsNanosecondsAndCommentsAreSkipped() throws Exception {
        // taosAdapter passes an unknown precision as "not configured"; TDengine's line parser reads it as ns
        assertThat(Http.influx(standIn, "power", "n", "# comment\nm,t=1 a=1 1648432611249000001")
                        .statusCode())
                .isEqualTo(204);
        try (Connection c = DriverManager.getConnection(standIn.jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select _ts from power.m")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(1648432611249000001L);
        }
    }

    @Test
    void rowsAndTagSetsBeyondTheDocumentedLimitsAreRejected() throws Exception {
        // "Names & Limits": a row holds at most 64 KB (each VARCHAR/NCHAR column 2 bytes more), tags at most 16 KB.
        assertThat(Http.influx(standIn, "power", "ns", "wide,t=1 s=\"" + "x".repeat(60_000) + "\" " + T0_NS)
                        .statusCode())
                .isEqualTo(204);
        assertError(Http.influx(standIn, "power", "ns", "wide,t=1 s=\"" + "x".repeat(70_000) + "\" 2"), "[0x263e]");
        assertError(Http.influx(standIn, "power", "ns", "wide,t=1 s2=\"" + "x".repeat(6_000) + "\" 3"), "[0x263e]");
        assertError(Http.influx(standIn, "power", "ns", "nchars,t=1 s=L\"" + "x".repeat(17_000) + "\" 1"), "[0x263e]");
        assertError(Http.influx(standIn, "power", "ns", "tagged,t=" + "x".repeat(4_200) + " a=1 1"), "[0x263d]");
    }

    @Test
    void aMalformedLineRejectsTheWholeRequestBeforeAnyTableIsCreated() throws Exception {
        // Observed on 3.3.6.13 over REST (README): lines a, b with "f=" and no value, c; nothing written, no table.
        String lines = String.join("\n", "m,t=a f=1 " + T0_NS, "m,t=b f= " + (T0_NS + 1), "m,t=c f=3 " + (T0_NS + 2));
        assertError(Http.influx(standIn, "power", "ns", lines), "[0x3002] SML line invalid value: " + (T0_NS + 1));
        assertThat(query("show power.stables")).hasSize(1);
        assertThat(query("select table_name from information_schema.ins_tables where db_name = 'power'"))
                .hasSize(1);
    }

    @Test
    void anOutOfRangeTimestampFailsTheRowsOfItsVgroupAndTheOtherVgroupsAreWritten() throws Exception {
        // Observed on 3.3.6.13 (README): a (now), b (beyond 64 bits), c (now + 1 ns), d (1970, before KEEP), each
        // its own subtable; a, b and d shared a vgroup, c had the other one, and only c was written.
        String a = subtable("humidity", "a");
        String c = subtable("humidity", "c");
        assertThat(List.of(vgroup(a), vgroup(subtable("humidity", "b")), vgroup(subtable("humidity", "d"))))
                .as("the stand-in's placement of these subtables, which the test relies on")
                .containsOnly(vgroup(a))
                .doesNotContain(vgroup(c));
        long now = System.currentTimeMillis() * 1_000_000L;
        String lines = String.join(
                "\n",
                "humidity,t=a v=1 " + now,
                "humidity,t=b v=2 99999999999999999999",
                "humidity,t=c v=3 " + (now + 1),
                "humidity,t=d v=4 1000");

        HttpResponse<String> response = Http.influx(standIn, "power", "ns", lines);

        assertThat(response.statusCode()).isEqualTo(500);
        JsonNode body = RestResponses.json().readTree(response.body());
        assertThat(body.get("code").asText()).isEqualTo("internal error");
        assertThat(body.get("message").asText()).isEqualTo("[0x60b] Timestamp data out of range");
        assertThat(query("select t, v from power.humidity")).containsExactly(List.of("t", "v"), List.of("c", "3.0"));
        // the failed vgroup's subtables were not created either; the super table was, before any row was sent
        assertThat(query("select table_name from information_schema.ins_tables where db_name = 'power'"))
                .containsExactly(List.of("table_name"), List.of(c));
    }

    @Test
    void inADatabaseOfOneVgroupAnOutOfRangeTimestampFailsEveryRow() throws Exception {
        // Observed on 3.3.6.13 over REST (README): all rows' subtables shared a vgroup with a bad row: nothing written
        assertThat(Http.sql(standIn, "create database single vgroups 1 precision 'ns'")
                        .body())
                .contains("\"code\":0");
        String lines =
                String.join("\n", "m,t=a v=1 " + T0_NS, "m,t=b v=2 99999999999999999999", "m,t=c v=3 " + (T0_NS + 1));
        assertError(Http.influx(standIn, "single", "ns", lines), "[0x60b]");
        assertThat(query("select count(*) from single.m").get(1)).containsExactly("0");
    }

    @Test
    void theWritableRangeIsFromNowMinusKeepToTheLargestKeyOfThePrecision() throws Exception {
        // vnodeScanSubmitReq: [now - keep2, tsMaxKeyByPrecision]; KEEP defaults to 3650 days
        long day = 86_400_000L;
        long now = System.currentTimeMillis();
        assertThat(Http.sql(standIn, "create database kept keep 30 vgroups 1").body())
                .contains("\"code\":0");
        assertError(Http.influx(standIn, "kept", "ms", "m,t=a v=1 " + (now - 31 * day)), "[0x60b]");
        assertThat(Http.influx(standIn, "kept", "ms", "m,t=a v=2 " + (now - 29 * day))
                        .statusCode())
                .isEqualTo(204);
        assertError(Http.influx(standIn, "power", "ms", "m,t=a v=1 " + (now - 3651 * day)), "[0x60b]");
        assertThat(Http.influx(standIn, "power", "ms", "m,t=a v=2 " + (now - 3649 * day))
                        .statusCode())
                .isEqualTo(204);
        // ns timestamps end with 2262 (9214646400000000000 = 2262-01-01), well before the 64-bit limit
        assertThat(Http.influx(standIn, "power", "ns", "m,t=a v=3 9214646400000000000")
                        .statusCode())
                .isEqualTo(204);
        assertError(Http.influx(standIn, "power", "ns", "m,t=a v=4 9214646400000000001"), "[0x60b]");
        assertThat(query("select v from power.m order by _ts"))
                .containsExactly(List.of("v"), List.of("2.0"), List.of("3.0"));
    }

    @Test
    void aLineFeedInsideAStringEndsTheLineAndFailsTheRequest() throws Exception {
        // Observed on 3.3.6.13 over REST and WebSocket (README): the body is cut at every line feed
        assertError(
                Http.influx(standIn, "power", "ns", "m,t=a s=\"one\ntwo\" " + T0_NS),
                "[0x3002] SML line unbalanced quotes:\"one");
        assertThat(query("show power.stables")).hasSize(1);
    }

    @Test
    void aCarriageReturnInsideAStringIsStoredExactly() throws Exception {
        // Observed on 3.3.6.13 (README)
        assertThat(Http.influx(standIn, "power", "ns", "m,t=a s=\"one\rtwo\" " + T0_NS)
                        .statusCode())
                .isEqualTo(204);
        assertThat(query("select s from power.m").get(1)).containsExactly("one\rtwo");
    }

    private static String subtable(String measurement, String tag) {
        return SmlPointApplier.childTableName(measurement, Map.of("t", SmlValue.nchar(tag)));
    }

    /** The vgroup of a subtable of the stand-in's {@code power} database (default: 2 vgroups). */
    private static int vgroup(String subtable) {
        return new Vgroups(0, 2).idOf(subtable);
    }

    @Test
    void theTableNameKeyNamesTheSubtableAndIsNotStoredAsATag() throws Exception {
        // as a real 3.3.6.13 answered /influxdb/v1/write?…&table_name_key=device&ttl=7
        String url = standIn.httpUrl() + "/influxdb/v1/write?db=power&precision=ms&table_name_key=device&ttl=7";
        assertThat(Http.post(
                                url,
                                "meters,device=d1001,loc=a f=1 " + T0_MS + "\n"
                                        + "meters,device=d.1-x,loc=a f=2 " + T0_MS + "\n"
                                        + "meters,loc=b f=3 " + T0_MS,
                                Http.ROOT_AUTH)
                        .statusCode())
                .isEqualTo(204);
        assertThat(Http.post(url, "meters,device=d1001,loc=c f=4 " + (T0_MS + 1), Http.ROOT_AUTH)
                        .statusCode())
                .isEqualTo(204);

        assertThat(query("select table_name, `ttl` from information_schema.ins_tables where db_name = 'power'"
                        + " order by table_name"))
                .containsExactly(
                        List.of("table_name", "ttl"),
                        List.of("d1001", "7"),
                        List.of("d_1-x", "7"),
                        List.of(SmlPointApplier.childTableName("meters", Map.of("loc", SmlValue.nchar("b"))), "7"));
        assertThat(query("describe power.meters").stream().map(r -> r.get(0)).toList())
                .containsExactly("field", "_ts", "f", "loc");
        assertThat(query("select tbname, f, loc from power.meters where tbname = 'd1001' order by _ts"))
                .containsExactly(
                        List.of("tbname", "f", "loc"), List.of("d1001", "1.0", "a"), List.of("d1001", "4.0", "a"));
    }

    @Test
    void aTableNameTakenInAnotherSuperTableFailsTheRequest() throws Exception {
        String url = standIn.httpUrl() + "/influxdb/v1/write?db=power&precision=ms&table_name_key=device";
        assertThat(Http.post(url, "meters,device=d1001 f=1 " + T0_MS, Http.ROOT_AUTH)
                        .statusCode())
                .isEqualTo(204);

        assertError(Http.post(url, "other,device=d1001 f=1 " + T0_MS, Http.ROOT_AUTH), "[0x61d]");
    }

    @Test
    void openTsdbEndpointsTakeTheTableNameKeyAndTtlToo() throws Exception {
        String query = "?table_name_key=device&ttl=3";
        assertThat(Http.post(
                                standIn.httpUrl() + "/opentsdb/v1/put/telnet/power" + query,
                                "tm " + T0_MS + " 1 device=t2001 loc=a",
                                Http.ROOT_AUTH)
                        .statusCode())
                .isEqualTo(204);
        assertThat(Http.post(
                                standIn.httpUrl() + "/opentsdb/v1/put/json/power" + query,
                                "{\"metric\":\"jm\",\"timestamp\":" + T0_MS
                                        + ",\"value\":1,\"tags\":{\"device\":\"j3001\"," + "\"loc\":\"a\"}}",
                                Http.ROOT_AUTH)
                        .statusCode())
                .isEqualTo(204);

        assertThat(query("select table_name, stable_name, `ttl` from information_schema.ins_tables"
                        + " where db_name = 'power' order by table_name"))
                .containsExactly(
                        List.of("table_name", "stable_name", "ttl"),
                        List.of("j3001", "jm", "3"),
                        List.of("t2001", "tm", "3"));
    }

    @Test
    void aTtlThatIsNoNumberIsABadRequest() throws Exception {
        HttpResponse<String> response =
                Http.post(standIn.httpUrl() + "/influxdb/v1/write?db=power&ttl=abc", "m,t=1 f=1", Http.ROOT_AUTH);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("ttl must be numeric");
    }

    private static void assertError(HttpResponse<String> response, String code) throws Exception {
        assertThat(response.statusCode()).isEqualTo(500);
        JsonNode body = RestResponses.json().readTree(response.body());
        assertThat(body.get("code").asText()).isEqualTo("internal error");
        assertThat(body.get("message").asText()).startsWith(code);
    }
}
