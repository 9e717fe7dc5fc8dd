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
    private TDengineStandIn standIn;

    @BeforeEach
    void start() throws Exception {
        standIn = TDengineStandIn.start(StandInOptions.defaults().withDatabaseCreationDelayMillis(0));
        assertThat(Http.sql(standIn, "create database power precision 'ns'").body()).contains("\"code\":0");
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private List<List<String>> query(String sql) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(standIn.jdbcUrl()); Statement s = c.createStatement();
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
        String lines = String.join("\n",
                "meters,location=Beijing.Haidian,groupid=2 current=11.8,voltage=221,phase=0.28 1648432611249000000",
                "meters,location=Beijing.Haidian,groupid=2 current=13.4,voltage=223,phase=0.29 1648432611250000000",
                "meters,location=Beijing.Haidian,groupid=3 current=10.8,voltage=223,phase=0.29 1648432611249000000",
                "meters,location=Beijing.Haidian,groupid=3 current=11.3,voltage=221,phase=0.35 1648432611250000000");
        HttpResponse<String> response = Http.influx(standIn, "power", "ns", lines);
        assertThat(response.statusCode()).isEqualTo(204);

        try (Connection c = DriverManager.getConnection(standIn.jdbcUrl()); Statement s = c.createStatement();
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
            assertThat(rows).containsExactly(
                    "1648432611249000000 11.8 221.0 0.28 Beijing.Haidian 2",
                    "1648432611250000000 13.4 223.0 0.29 Beijing.Haidian 2",
                    "1648432611249000000 10.8 223.0 0.29 Beijing.Haidian 3",
                    "1648432611250000000 11.3 221.0 0.35 Beijing.Haidian 3");
        }
        assertThat(query("select tbname from power.meters where groupid = '2' limit 1").get(1).get(0))
                .matches("t_[0-9a-f]{32}")
                .isEqualTo(SchemalessWriter.childTableName("meters",
                        Map.of("location", SmlValue.nchar("Beijing.Haidian"), "groupid", SmlValue.nchar("2"))));
    }

    @Test
    void typesFollowTheSuffixes() throws Exception {
        // schemaless doc, numeric suffix table; facts note for u8 and the JDBC names
        assertThat(Http.influx(standIn, "power", "ms", "st,t1=3 c1=3i64,c2=false,c3=\"passit\",c4=4f64,"
                + "c5=1i8,c6=2i16,c7=3i32,c8=4u8,c9=5f32,c10=L\"n\",c11=6i,c12=T,c13=7u64 1626006833639")
                .statusCode()).isEqualTo(204);
        List<String> described = new ArrayList<>();
        for (List<String> row : query("describe power.st")) {
            described.add(row.get(0) + ":" + row.get(1) + ":" + row.get(3));
        }
        assertThat(described.subList(1, described.size())).containsExactly("_ts:TIMESTAMP:", "c1:BIGINT:",
                "c2:BOOL:", "c3:VARCHAR:", "c4:DOUBLE:", "c5:TINYINT:", "c6:SMALLINT:", "c7:INT:",
                "c8:TINYINT UNSIGNED:", "c9:FLOAT:", "c10:NCHAR:", "c11:BIGINT:", "c12:BOOL:",
                "c13:BIGINT UNSIGNED:", "t1:NCHAR:TAG");
        List<String> row = query("select c1, c2, c3, c12, _ts from power.st").get(1);
        assertThat(row.subList(0, 4)).containsExactly("3", "false", "passit", "true");
    }

    @Test
    void escapesAreRemovedFromStoredNamesAndValues() throws Exception {
        // schemaless doc escape tables; facts note examples
        String line = "my\\ meas,t=a\\ b\\,c\\=d,dev.id=北京.海淀 s=\"he said \\\"hi\\\" back\\\\slash\",x=\"a\\b\" 1";
        assertThat(Http.influx(standIn, "power", "ns", line).statusCode()).isEqualTo(204);
        List<List<String>> rows = query("select t, `dev.id`, s, x from power.`my meas`");
        assertThat(rows.get(1)).containsExactly("a b,c=d", "北京.海淀", "he said \"hi\" back\\slash", "a\\b");
    }

    @Test
    void newFieldsAndTagsAddColumnsAndAbsentFieldsStayNull() throws Exception {
        assertThat(Http.influx(standIn, "power", "ms", "m,t1=a c1=1i32 1000").statusCode()).isEqualTo(204);
        assertThat(Http.influx(standIn, "power", "ms", "m,t1=a,t2=b c1=2i32,c2=\"xyz\" 2000\nm c1=3i32 3000")
                .statusCode()).isEqualTo(204);
        List<List<String>> rows = query("select * from power.m order by _ts");
        assertThat(rows.get(0)).containsExactly("_ts", "c1", "c2", "t1", "t2", "_tag_null");
        assertThat(rows.get(1).subList(1, 6)).containsExactly("1", null, "a", null, null);
        assertThat(rows.get(2).subList(1, 6)).containsExactly("2", "xyz", "a", "b", null);
        assertThat(rows.get(3).subList(1, 6)).containsExactly("3", null, null, null, null);
    }

    @Test
    void sameTimestampOverwritesTheFieldsCarried() throws Exception {
        assertThat(Http.influx(standIn, "power", "ms", "m,t=1 a=1i32,b=2i32 1000").statusCode()).isEqualTo(204);
        assertThat(Http.influx(standIn, "power", "ms", "m,t=1 a=5i32 1000").statusCode()).isEqualTo(204);
        List<List<String>> rows = query("select a, b from power.m");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).containsExactly("5", "2");
        // within one request the later line wins
        assertThat(Http.influx(standIn, "power", "ms", "m,t=1 a=6i32 1000\nm,t=1 a=7i32 1000").statusCode())
                .isEqualTo(204);
        assertThat(query("select a, b from power.m").get(1)).containsExactly("7", "2");
    }

    @Test
    void largeRequestsAreWrittenCompletely() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            lines.append("big,dev=d").append(i % 50).append(" v=").append(i).append("i64 ").append(1_000_000 + i)
                    .append('\n');
        }
        assertThat(Http.influx(standIn, "power", "ms", lines.toString()).statusCode()).isEqualTo(204);
        assertThat(query("select count(*) from power.big").get(1)).containsExactly("20000");
        assertThat(query("select count(*) from power.big where dev = 'd7'").get(1)).containsExactly("400");
    }

    @Test
    void missingTimestampIsServerTimeInTheDatabasePrecision() throws Exception {
        long before = Instant.now().toEpochMilli();
        assertThat(Http.influx(standIn, "power", "ns", "m,t=1 a=1").statusCode()).isEqualTo(204);
        try (Connection c = DriverManager.getConnection(standIn.jdbcUrl()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select _ts from power.m")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1) / 1_000_000).isBetween(before, Instant.now().toEpochMilli());
        }
    }

    @Test
    void precisionParameterConvertsToTheDatabasePrecision() throws Exception {
        assertThat(Http.influx(standIn, "power", "s", "m,t=1 a=1 1648432611").statusCode()).isEqualTo(204);
        assertThat(Http.influx(standIn, "power", "u", "m,t=1 a=2 1648432612000001").statusCode()).isEqualTo(204);
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(standIn.jdbcUrl()); Statement s = c.createStatement();
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
        HttpResponse<String> telnet = Http.post(standIn.httpUrl() + "/opentsdb/v1/put/telnet/power",
                "meters.current 1648432611249 10.3 location=SF groupid=2\n"
                        + "meters.current 1648432612 12.5 location=SF groupid=2\n", Http.ROOT_AUTH);
        assertThat(telnet.statusCode()).isEqualTo(204);
        List<List<String>> rows = query("select * from power.`meters.current` order by _ts");
        assertThat(rows.get(0)).containsExactly("_ts", "_value", "location", "groupid");
        assertThat(rows).hasSize(3);
        HttpResponse<String> json = Http.post(standIn.httpUrl() + "/opentsdb/v1/put/json/power",
                "[{\"metric\":\"meters.voltage\",\"timestamp\":1648432611249,\"value\":219,"
                        + "\"tags\":{\"location\":\"SF\",\"groupid\":2}}]", Http.ROOT_AUTH);
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
        assertError(Http.influx(standIn, "power", "ns", "m,t=1 a=1 99999999999999999999"), "[0x60b]");
        assertError(Http.influx(standIn, "power", "ns", ""), "[0x20a]");
        assertError(Http.influx(standIn, "power", "ns", "m,t=1 a=1 1\n\nm,t=1 a=2 2"), "[0x20a]");
        assertError(Http.influx(standIn, "power", "ns", "m,t=1 a=abc 1"), "[0x203]");
        assertError(Http.influx(standIn, "power", "ns", "m,t=1 a=300i8 1"), "[0x203]");
        assertError(Http.influx(standIn, "power", "ns", "m,=1 a=1 1"), "[0x21f]");
        assertError(Http.influx(standIn, "power", "ns", ",t=1 a=1 1"), "[0x3002]");
        assertError(Http.influx(standIn, "power", "ns", "m,t=1"), "[0x3002]");
        assertError(Http.influx(standIn, "nodb", "ns", "m,t=1 a=1 1"), "[0x388]");
        assertError(Http.influx(standIn, "power", "ns", "m,t=1 a=1i32 1\nm,t=1 a=1 2"), "[0x3004]");
        assertThat(Http.influx(standIn, "power", "ns", "m,t=1 a=1i32 1").statusCode()).isEqualTo(204);
        assertError(Http.influx(standIn, "power", "ns", "m,t=1 a=\"s\" 2"), "[0x3002]");
        HttpResponse<String> telnet = Http.post(standIn.httpUrl() + "/opentsdb/v1/put/telnet/power",
                "m 123 1 t=1", Http.ROOT_AUTH);
        assertThat(telnet.statusCode()).isEqualTo(500);
        JsonNode body = RestResponses.json().readTree(telnet.body());
        assertThat(body.get("code").asInt()).isEqualTo(500);
        assertThat(body.get("message").asText()).startsWith("[0x127]");
    }

    @Test
    void unknownPrecisionIsNanosecondsAndCommentsAreSkipped() throws Exception {
        // taosAdapter passes an unknown precision as "not configured"; TDengine's line parser reads it as ns
        assertThat(Http.influx(standIn, "power", "n", "# comment\nm,t=1 a=1 1648432611249000001").statusCode())
                .isEqualTo(204);
        try (Connection c = DriverManager.getConnection(standIn.jdbcUrl()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select _ts from power.m")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(1648432611249000001L);
        }
    }

    @Test
    void rowsAndTagSetsBeyondTheDocumentedLimitsAreRejected() throws Exception {
        // "Names & Limits": a row holds at most 64 KB (each VARCHAR/NCHAR column 2 bytes more), tags at most 16 KB.
        assertThat(Http.influx(standIn, "power", "ns", "wide,t=1 s=\"" + "x".repeat(60_000) + "\" 1").statusCode())
                .isEqualTo(204);
        assertError(Http.influx(standIn, "power", "ns", "wide,t=1 s=\"" + "x".repeat(70_000) + "\" 2"), "[0x263e]");
        assertError(Http.influx(standIn, "power", "ns", "wide,t=1 s2=\"" + "x".repeat(6_000) + "\" 3"), "[0x263e]");
        assertError(Http.influx(standIn, "power", "ns", "nchars,t=1 s=L\"" + "x".repeat(17_000) + "\" 1"), "[0x263e]");
        assertError(Http.influx(standIn, "power", "ns", "tagged,t=" + "x".repeat(4_200) + " a=1 1"), "[0x263d]");
    }

    @Test
    void aBadLineRejectsTheWholeRequest() throws Exception {
        assertError(Http.influx(standIn, "power", "ms", "good,t=1 a=1 1000\nbad,t=1 a= 2000"), "[0x3002]");
        assertThat(query("show power.stables")).hasSize(1);
    }

    private static void assertError(HttpResponse<String> response, String code) throws Exception {
        assertThat(response.statusCode()).isEqualTo(500);
        JsonNode body = RestResponses.json().readTree(response.body());
        assertThat(body.get("code").asText()).isEqualTo("internal error");
        assertThat(body.get("message").asText()).startsWith(code);
    }
}
