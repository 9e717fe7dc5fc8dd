package com.taosdata.kafka.connect.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.taosdata.jdbc.rs.RestfulDriver;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With a Cloud token the stand-in logs requests in as TDengine Cloud's REST API does: by the {@code token} query
 * parameter on {@code /rest/sql} and the schemaless endpoints, never by user and password. Failures are answered
 * as taosAdapter answers the failed login they resemble ({@link RequestLogin}).
 */
class TokenLoginTest {
    private static final String TOKEN = "5f1c0e9a7b2d4c68a0e3f7b91d2c6e4a";

    private static TDengineStandIn standIn;

    @BeforeAll
    static void start() throws Exception {
        standIn = TDengineStandIn.start(
                StandInOptions.defaults().withDatabaseCreationDelayMillis(0).withToken(TOKEN));
        assertThat(post("/rest/sql?token=" + TOKEN, "create database cloud_db", null)
                        .statusCode())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    private static HttpResponse<String> post(String path, String body, String authorization) {
        return Http.post(standIn.httpUrl() + path, body, authorization);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return RestResponses.json().readTree(response.body());
    }

    @Test
    void theSqlEndpointRunsARequestCarryingTheToken() throws Exception {
        HttpResponse<String> withDatabase =
                post("/rest/sql/cloud_db?token=" + TOKEN, "create table if not exists t (ts timestamp, v int)", null);
        assertThat(json(withDatabase).get("code").asInt()).isZero();

        HttpResponse<String> query = post("/rest/sql?token=" + TOKEN, "select count(*) from cloud_db.t", null);
        assertThat(query.statusCode()).isEqualTo(200);
        assertThat(json(query).get("code").asInt()).isZero();
    }

    @Test
    void aWrongTokenIsTheServersAuthenticationFailure() throws Exception {
        HttpResponse<String> response = post("/rest/sql?token=" + TOKEN + "x", "show databases", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("code").asInt()).isEqualTo(0x0357);
        assertThat(json(response).get("desc").asText()).isEqualTo("Authentication failure");
    }

    @Test
    void withoutTheTokenEvenTheRightUserAndPasswordAreNoLogin() throws Exception {
        HttpResponse<String> basicOnly = post("/rest/sql", "show databases", Http.ROOT_AUTH);
        HttpResponse<String> emptyToken = post("/rest/sql?token=", "show databases", null);

        for (HttpResponse<String> response : new HttpResponse[] {basicOnly, emptyToken}) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(json(response).get("code").asInt()).isEqualTo(0x1105);
        }
    }

    @Test
    void theInfluxEndpointWritesWithTheTokenAndRefusesAnyOtherLogin() throws Exception {
        String lines = "m,t=a f=1 1700000000000";
        assertThat(post("/influxdb/v1/write?db=cloud_db&precision=ms&token=" + TOKEN, lines, null)
                        .statusCode())
                .isEqualTo(204);

        HttpResponse<String> wrong = post("/influxdb/v1/write?db=cloud_db&precision=ms&token=wrong", lines, null);
        assertThat(wrong.statusCode()).isEqualTo(500);
        assertThat(json(wrong).get("message").asText()).isEqualTo("[0x357] Authentication failure");

        assertThat(post("/influxdb/v1/write?db=cloud_db&precision=ms&u=root&p=taosdata", lines, null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(post("/influxdb/v1/write?db=cloud_db&precision=ms", lines, Http.ROOT_AUTH)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void theOpenTsdbEndpointsWriteWithTheTokenAndRefuseAnyOtherLogin() throws Exception {
        assertThat(post("/opentsdb/v1/put/telnet/cloud_db?token=" + TOKEN, "tel 1700000000000 1 t=a", null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(post(
                                "/opentsdb/v1/put/json/cloud_db?token=" + TOKEN,
                                "{\"metric\":\"js\",\"timestamp\":1700000000000,\"value\":1,\"tags\":{\"t\":\"a\"}}",
                                null)
                        .statusCode())
                .isEqualTo(204);

        HttpResponse<String> wrong = post("/opentsdb/v1/put/telnet/cloud_db?token=wrong", "tel 0 1 t=a", null);
        assertThat(wrong.statusCode()).isEqualTo(500);
        assertThat(json(wrong).get("message").asText()).isEqualTo("[0x357] Authentication failure");

        HttpResponse<String> basicOnly = post("/opentsdb/v1/put/json/cloud_db", "{}", Http.ROOT_AUTH);
        assertThat(basicOnly.statusCode()).isEqualTo(401);
        assertThat(json(basicOnly).get("message").asText()).isEqualTo("auth needed");
    }

    @Test
    void taosJdbcDriversRestfulDriverLogsInWithItsTokenProperty() throws Exception {
        try (Connection connection = new RestfulDriver().connect(url(), token(TOKEN));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from cloud_db.m")) {
            assertThat(rows.next()).isTrue();
        }
    }

    @Test
    void taosJdbcDriversRestfulDriverReportsAWrongTokenAsTheAuthenticationFailure() {
        assertThatThrownBy(() -> {
                    try (Connection connection = new RestfulDriver().connect(url(), token("wrong"));
                            Statement statement = connection.createStatement()) {
                        statement.executeQuery("show databases");
                    }
                })
                .isInstanceOfSatisfying(
                        SQLException.class,
                        e -> assertThat(e.getErrorCode() & 0xFFFF).isEqualTo(0x0357));
    }

    @Test
    void anEmptyTokenIsNoOption() {
        assertThatThrownBy(() -> StandInOptions.defaults().withToken(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty token");
    }

    private static String url() {
        return "jdbc:TAOS-RS://127.0.0.1:" + standIn.port() + "/";
    }

    private static Properties token(String token) {
        Properties properties = new Properties();
        properties.setProperty("token", token);
        return properties;
    }
}
