package com.taosdata.kafka.connect.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The raw HTTP contract of {@code /rest/sql}, per the REST API doc ("HTTP Return Format") and taosAdapter. */
class RestApiTest {
    private static TDengineStandIn standIn;

    @BeforeAll
    static void start() throws Exception {
        standIn = TDengineStandIn.start(StandInOptions.defaults().withDatabaseCreationDelayMillis(0));
        Http.sql(standIn, "create database db_us precision 'us'");
        Http.sql(standIn, "create database db_ms");
        Http.sql(standIn, "create table db_us.t (ts timestamp, v double)");
        Http.sql(standIn, "create table db_ms.t (ts timestamp, v double)");
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return RestResponses.json().readTree(response.body());
    }

    @Test
    void writesAnswerAffectedRows() throws Exception {
        // REST API doc, "Successful Insert Operation"
        HttpResponse<String> response = Http.sql(standIn, "insert into db_us.t values (1, 1.5) (2, 2.5)");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).toString())
                .isEqualTo("{\"code\":0,\"column_meta\":[[\"affected_rows\",\"INT\",4]],\"data\":[[2]],\"rows\":1}");
    }

    @Test
    void timestampsAreRfc3339WithTheDigitsOfThePrecision() throws Exception {
        // taosAdapter tools/layout/time.go: .000 / .000000 / .000000000, UTC by default
        Http.sql(standIn, "insert into db_us.t values (1648432611249001, 1)");
        Http.sql(standIn, "insert into db_ms.t values (1648432611249, 1)");
        JsonNode us = json(Http.sql(standIn, "select ts from db_us.t where ts = 1648432611249001"));
        assertThat(us.get("column_meta").get(0).toString()).isEqualTo("[\"ts\",\"TIMESTAMP\",8]");
        assertThat(us.get("data").get(0).get(0).asText()).isEqualTo("2022-03-28T01:56:51.249001Z");
        JsonNode ms = json(Http.sql(standIn, "select ts from db_ms.t"));
        assertThat(ms.get("data").get(0).get(0).asText()).isEqualTo("2022-03-28T01:56:51.249Z");
        assertThat(ms.get("rows").asInt()).isEqualTo(1);
    }

    @Test
    void insTablesListsSubtablesAndNormalTablesUntilDropped() throws Exception {
        // 50-meta.md: INS_TABLES has a row per subtable and normal table; stable_name is NULL for normal tables.
        Http.sql(standIn, "create database meta");
        Http.sql(standIn, "create stable meta.st (ts timestamp, v double) tags (g int)");
        Http.sql(
                standIn,
                "insert into meta.d1 using meta.st tags (1) values (1, 1) meta.d2 using meta.st tags (2) values (1, 2)");
        Http.sql(standIn, "create table meta.plain (ts timestamp, v double)");
        String sql = "select table_name, stable_name, type from information_schema.ins_tables where db_name = 'meta' "
                + "order by table_name";
        assertThat(json(Http.sql(standIn, sql)).get("data").toString())
                .isEqualTo(
                        "[[\"d1\",\"st\",\"CHILD_TABLE\"],[\"d2\",\"st\",\"CHILD_TABLE\"],[\"plain\",null,\"NORMAL_TABLE\"]]");
        assertThat(json(Http.sql(standIn, "select ntables from information_schema.ins_databases where name = 'meta'"))
                        .get("data")
                        .get(0)
                        .get(0)
                        .asInt())
                .isEqualTo(3);

        Http.sql(standIn, "drop table meta.d1");
        assertThat(json(Http.sql(standIn, sql)).get("rows").asInt()).isEqualTo(2);
        Http.sql(standIn, "drop stable meta.st");
        assertThat(json(Http.sql(standIn, sql)).get("data").toString())
                .isEqualTo("[[\"plain\",null,\"NORMAL_TABLE\"]]");
        Http.sql(standIn, "drop database meta");
        assertThat(json(Http.sql(standIn, sql)).get("rows").asInt()).isZero();
    }

    @Test
    void databaseInTheUrlIsTheDefault() throws Exception {
        HttpResponse<String> response =
                Http.post(standIn.httpUrl() + "/rest/sql/db_ms", "select count(*) from t", Http.ROOT_AUTH);
        assertThat(json(response).get("code").asInt()).isZero();
        assertThat(json(response).get("column_meta").get(0).toString()).isEqualTo("[\"count(*)\",\"BIGINT\",8]");
    }

    @Test
    void systemFunctionsWithoutFrom() throws Exception {
        // 22-function.md, "System Information Functions"
        JsonNode answer = json(Http.post(
                standIn.httpUrl() + "/rest/sql/db_ms",
                "select server_version(), server_status(), database(), 1 + 1",
                Http.ROOT_AUTH));
        assertThat(answer.get("column_meta").get(0).toString()).isEqualTo("[\"server_version()\",\"VARCHAR\",7]");
        assertThat(answer.get("data").toString()).isEqualTo("[[\"3.3.6.0\",1,\"db_ms\",2]]");
        assertThat(code("select nosuch()")).isEqualTo(0x0100);
    }

    @Test
    void nowIsTheServersClockAsAMillisecondTimestampInEveryDatabase() throws Exception {
        // 3.3.6.13 answers "select Now()" with ["now()","TIMESTAMP",8] and milliseconds, also in a microsecond database
        long before = System.currentTimeMillis();
        JsonNode answer = json(Http.post(standIn.httpUrl() + "/rest/sql/db_us", "select Now()", Http.ROOT_AUTH));
        long after = System.currentTimeMillis();
        assertThat(answer.get("column_meta").get(0).toString()).isEqualTo("[\"now()\",\"TIMESTAMP\",8]");
        long now = Instant.parse(answer.get("data").get(0).get(0).asText()).toEpochMilli();
        assertThat(now).isBetween(before, after);
    }

    @Test
    void statementErrorsAre200WithCodeAndDesc() throws Exception {
        // REST API doc: taos errors answer 200 (httpCodeServerError false); code is the low 16 bits
        HttpResponse<String> response = Http.sql(standIn, "select * from db_ms.missing");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("code").asInt()).isEqualTo(0x2603);
        assertThat(json(response).get("desc").asText()).isNotEmpty();
        assertThat(json(Http.sql(standIn, "alter table db_ms.t add column x int"))
                        .get("code")
                        .asInt())
                .isEqualTo(0x0100);
        assertThat(code("select last_row(*) from db_ms.t")).isEqualTo(0x0100);
        assertThat(code("select count(*) from db_ms.t partition by v")).isEqualTo(0x0100);
        assertThat(json(Http.sql(standIn, "insert into db_ms.t values (1)"))
                        .get("code")
                        .asInt())
                .isEqualTo(0x263F);
        assertThat(json(Http.sql(standIn, "create database x precision 'xs'"))
                        .get("code")
                        .asInt())
                .isEqualTo(0x2619);
    }

    private static int code(String sql) throws Exception {
        return json(Http.sql(standIn, sql)).get("code").asInt();
    }

    @Test
    void ddlAndInsertErrorCodes() throws Exception {
        // codes from TDengine's error-code reference (09-error-code.md)
        assertThat(code("create stable db_ms.st (ts timestamp, v int) tags (g int)"))
                .isZero();
        assertThat(code("create stable db_ms.st (ts timestamp, v int) tags (g int)"))
                .isEqualTo(0x0360);
        assertThat(code("create stable if not exists db_ms.st (ts timestamp, v int) tags (g int)"))
                .isZero();
        assertThat(code("create table db_ms.t (ts timestamp, v double)")).isEqualTo(0x0603);
        assertThat(code("create table db_ms.bad (v int, ts timestamp)")).isEqualTo(0x2641);
        assertThat(code("create table db_ms.c1 using db_ms.t tags (1)"))
                .as("a normal table has no tags")
                .isEqualTo(0x260D);
        assertThat(code("drop stable db_ms.nosuch")).isEqualTo(0x0362);
        assertThat(code("create table db_ms.c1 using db_ms.st tags (1, 2)")).isEqualTo(0x260D);
        assertThat(code("create table db_ms.n (ts timestamp, s varchar(3))")).isZero();
        assertThat(code("insert into db_ms.n values (1, 'abcd')")).isEqualTo(0x2653);
        assertThat(code("insert into db_ms.n (ts, nope) values (1, 'a')")).isEqualTo(0x2602);
        assertThat(code("insert into db_ms.n values (null, 'a')")).isEqualTo(0x0216);
        assertThat(code("select * from db_ms.n where")).isEqualTo(0x2600);
    }

    @Test
    void orderLimitAndOffset() throws Exception {
        Http.sql(standIn, "create table db_ms.o (ts timestamp, v int)");
        Http.sql(standIn, "insert into db_ms.o values (1, 10) (2, 20) (3, 30) (4, 40)");
        JsonNode page = json(Http.sql(standIn, "select v from db_ms.o order by ts desc limit 2 offset 1"));
        assertThat(page.get("data").toString()).isEqualTo("[[30],[20]]");
        // A real 3.3.6.13 refuses MAX(ts) and MIN(ts) (0x2802); LAST and FIRST give the timestamp's extremes.
        JsonNode last = json(Http.sql(standIn, "select last(ts), first(ts) as first_ts, count(*) from db_ms.o"));
        assertThat(last.get("column_meta").toString())
                .isEqualTo(
                        "[[\"last(ts)\",\"TIMESTAMP\",8],[\"first_ts\",\"TIMESTAMP\",8],[\"count(*)\",\"BIGINT\",8]]");
        assertThat(last.get("data").toString())
                .isEqualTo("[[\"1970-01-01T00:00:00.004Z\",\"1970-01-01T00:00:00.001Z\",4]]");
        JsonNode comma = json(Http.sql(standIn, "select v from db_ms.o order by ts limit 1, 2"));
        assertThat(comma.get("data").toString()).isEqualTo("[[20],[30]]");
        JsonNode range = json(
                Http.sql(standIn, "select v from db_ms.o where ts between '1970-01-01 00:00:00.002' and 3 order by v"));
        assertThat(range.get("data").toString()).isEqualTo("[[20],[30]]");
    }

    @Test
    void unreadableAuthorizationIs401() throws Exception {
        // REST API doc "HTTP Response Code"; taosAdapter 3.3.6 controller/rest/auth.go and restful.go
        assertAuth(null, 401, 0x1105);
        assertAuth("Bearer abc", 401, 0x1122);
        assertAuth("Basic !!!", 401, 0x1124);
    }

    @Test
    void anUnknownUserAndAWrongPasswordAreTheServersLoginErrors() throws Exception {
        // Observed on 3.3.6.13 (README): a wrong password is 0x357, a user that does not exist 0x351
        HttpResponse<String> wrongPassword =
                Http.post(standIn.httpUrl() + "/rest/sql", "show databases", basic("root:wrong"));
        assertThat(wrongPassword.statusCode()).isEqualTo(200);
        assertThat(json(wrongPassword).get("code").asInt()).isEqualTo(0x0357);
        assertThat(json(wrongPassword).get("desc").asText()).isEqualTo("Authentication failure");
        HttpResponse<String> unknownUser =
                Http.post(standIn.httpUrl() + "/rest/sql", "show databases", basic("nobody:taosdata"));
        assertThat(unknownUser.statusCode()).isEqualTo(200);
        assertThat(json(unknownUser).get("code").asInt()).isEqualTo(0x0351);
        assertThat(json(unknownUser).get("desc").asText()).isEqualTo("Invalid user");

        HttpResponse<String> influx =
                Http.post(standIn.httpUrl() + "/influxdb/v1/write?db=db_ms", "m a=1", basic("root:wrong"));
        assertThat(influx.statusCode()).isEqualTo(500);
        assertThat(json(influx).toString())
                .isEqualTo("{\"code\":\"internal error\",\"message\":\"[0x357] Authentication failure\"}");
        HttpResponse<String> influxUnknown =
                Http.post(standIn.httpUrl() + "/influxdb/v1/write?db=db_ms&u=nobody&p=x", "m a=1", null);
        assertThat(json(influxUnknown).get("message").asText()).isEqualTo("[0x351] Invalid user");
        HttpResponse<String> telnet =
                Http.post(standIn.httpUrl() + "/opentsdb/v1/put/telnet/db_ms", "m 0 1 t=1", basic("nobody:taosdata"));
        assertThat(telnet.statusCode()).isEqualTo(500);
        assertThat(json(telnet).get("message").asText()).isEqualTo("[0x351] Invalid user");
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertAuth(String header, int status, int code) throws Exception {
        HttpResponse<String> response = Http.post(standIn.httpUrl() + "/rest/sql", "show databases", header);
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(json(response).get("code").asInt()).isEqualTo(code);
    }

    @Test
    void tablesAreSpreadOverTheVgroupsOfTheirDatabase() throws Exception {
        // CREATE DATABASE … VGROUPS n (02-database.md); ins_tables.vgroup_id names each table's vgroup (50-meta.md)
        assertThat(code("create database spread vgroups 3 keep 100")).isZero();
        assertThat(code("create database single vgroups 1 keep 14400m,36000h,3650d"))
                .isZero();
        for (int i = 0; i < 12; i++) {
            assertThat(code("create table spread.n" + i + " (ts timestamp, v int)"))
                    .isZero();
            assertThat(code("create table single.n" + i + " (ts timestamp, v int)"))
                    .isZero();
        }
        Set<Integer> spread = vgroupIds("spread");
        Set<Integer> single = vgroupIds("single");
        assertThat(spread).hasSize(3);
        assertThat(single).hasSize(1).doesNotContainAnyElementsOf(spread);
        JsonNode options = json(Http.sql(
                standIn,
                "select name, `vgroups`, `keep` from information_schema.ins_databases "
                        + "where name in ('spread', 'single') order by name"));
        assertThat(options.get("data").toString())
                .isEqualTo("[[\"single\",1,\"10d,1500d,3650d\"],[\"spread\",3,\"100d,100d,100d\"]]");
        assertThat(code("create database bad vgroups 0")).isEqualTo(0x2619);
        assertThat(code("create database bad vgroups 1025")).isEqualTo(0x2619);
        assertThat(code("create database bad keep 0")).isEqualTo(0x2619);
        assertThat(code("create database bad keep 100,10")).isEqualTo(0x2619);
    }

    private static Set<Integer> vgroupIds(String db) throws Exception {
        Set<Integer> ids = new HashSet<>();
        JsonNode rows = json(Http.sql(
                        standIn, "select vgroup_id from information_schema.ins_tables where db_name = '" + db + "'"))
                .get("data");
        rows.forEach(row -> ids.add(row.get(0).asInt()));
        return ids;
    }

    @Test
    void emptyBodiesAre400AndUnknownPaths404() throws Exception {
        HttpResponse<String> empty = Http.post(standIn.httpUrl() + "/rest/sql", "", Http.ROOT_AUTH);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty).get("code").asInt()).isEqualTo(0x1106);
        HttpResponse<String> blank = Http.post(standIn.httpUrl() + "/rest/sql", "  ", Http.ROOT_AUTH);
        assertThat(json(blank).get("code").asInt()).isEqualTo(0x1107);
        assertThat(Http.post(standIn.httpUrl() + "/rest/nope", "x", Http.ROOT_AUTH)
                        .statusCode())
                .isEqualTo(404);
        assertThat(Http.get(standIn.httpUrl() + "/rest/sql").statusCode()).isEqualTo(404);
        assertThat(Http.post(standIn.httpUrl() + "/opentsdb/v1/put/x/db", "x", Http.ROOT_AUTH)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void schemalessAuthAndParameterErrors() throws Exception {
        // taosAdapter plugin/influxdb/plugin.go and plugin/opentsdb/plugin.go
        HttpResponse<String> noAuth = Http.post(standIn.httpUrl() + "/influxdb/v1/write?db=db_ms", "m a=1", null);
        assertThat(noAuth.statusCode()).isEqualTo(401);
        HttpResponse<String> noDb = Http.post(standIn.httpUrl() + "/influxdb/v1/write", "m a=1", Http.ROOT_AUTH);
        assertThat(noDb.statusCode()).isEqualTo(400);
        assertThat(json(noDb).get("message").asText()).isEqualTo("db required");
        HttpResponse<String> wrong =
                Http.post(standIn.httpUrl() + "/influxdb/v1/write?db=db_ms&u=root&p=bad", "m a=1", null);
        assertThat(wrong.statusCode()).isEqualTo(500);
        assertThat(json(wrong).get("message").asText()).startsWith("[0x357]");
        HttpResponse<String> byParams = Http.post(
                standIn.httpUrl() + "/influxdb/v1/write?db=db_ms&u=root&p=taosdata&precision=ms",
                "m a=1 " + System.currentTimeMillis(),
                null);
        assertThat(byParams.statusCode()).isEqualTo(204);
        HttpResponse<String> tsdbNoAuth = Http.post(standIn.httpUrl() + "/opentsdb/v1/put/json/db_ms", "{}", null);
        assertThat(tsdbNoAuth.statusCode()).isEqualTo(401);
        assertThat(json(tsdbNoAuth).get("code").asInt()).isEqualTo(401);
        assertThat(Http.post(standIn.httpUrl() + "/opentsdb/v1/put/json/db_ms", "{}", "Bearer x")
                        .statusCode())
                .isEqualTo(400);
        assertThat(Http.post(standIn.httpUrl() + "/opentsdb/v1/put/json/db_ms", "{}", "Basic !!!")
                        .statusCode())
                .isEqualTo(401);
        HttpResponse<String> badJson =
                Http.post(standIn.httpUrl() + "/opentsdb/v1/put/json/db_ms", "{", Http.ROOT_AUTH);
        assertThat(json(badJson).get("message").asText()).startsWith("[0x221]");
    }

    @Test
    void durationsAndDrops() throws Exception {
        Http.sql(standIn, "create database d3");
        Http.sql(standIn, "create stable d3.st (ts timestamp, v int) tags (g int)");
        Http.sql(
                standIn,
                "insert into d3.c1 using d3.st tags (1) values (now, 1) d3.c2 using d3.st tags (2) values (now, 2)");
        assertThat(json(Http.sql(standIn, "select count(*) from d3.st where ts > now - 1h"))
                        .get("data")
                        .get(0)
                        .get(0)
                        .asInt())
                .isEqualTo(2);
        assertThat(json(Http.sql(standIn, "drop table d3.c1")).get("code").asInt())
                .isZero();
        assertThat(json(Http.sql(standIn, "select count(*) from d3.st"))
                        .get("data")
                        .get(0)
                        .get(0)
                        .asInt())
                .isEqualTo(1);
        assertThat(json(Http.sql(standIn, "drop stable d3.st")).get("code").asInt())
                .isZero();
        assertThat(json(Http.sql(standIn, "show d3.tables")).get("rows").asInt())
                .isZero();
        assertThat(json(Http.sql(standIn, "drop table if exists d3.st"))
                        .get("code")
                        .asInt())
                .isZero();
    }
}
