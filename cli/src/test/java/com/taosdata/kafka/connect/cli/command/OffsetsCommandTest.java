package com.taosdata.kafka.connect.cli.command;

import static com.taosdata.kafka.connect.cli.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.taosdata.kafka.connect.cli.testing.CliRun.Result;
import com.taosdata.kafka.connect.cli.testing.Golden;
import com.taosdata.kafka.connect.cli.testing.MockConnect;
import com.taosdata.kafka.connect.cli.testing.Payloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsetsCommandTest {

    private static final String OFFSETS = """
            {"offsets":[{"partition":{"kafka_topic":"meters","kafka_partition":0},"offset":{"kafka_offset":42}},
                        {"partition":{"kafka_topic":"meters","kafka_partition":1},"offset":{"kafka_offset":7}}]}""";

    @Test
    void showsOffsets() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, OFFSETS);
            Result result = cli("offsets", "sink-demo", "--url", server.url());
            assertThat(result.code()).isZero();
            assertThat(server.request().getPath()).isEqualTo("/connectors/sink-demo/offsets");
            Golden.assertMatches("offsets.txt", result.out());
        }
    }

    @Test
    void showsOffsetsAsJson() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, OFFSETS);
            Result result = cli("offsets", "sink-demo", "--url", server.url(), "-o", "json");
            assertThat(result.code()).isZero();
            Golden.assertMatches("offsets.json", result.out());
        }
    }

    @Test
    void resetsAStoppedConnector() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, Payloads.STOPPED)
                    .answer(200, "{\"message\":\"The offsets for this connector have been reset successfully\"}");
            Result result = cli("offsets", "sink-demo", "--reset", "--url", server.url());
            assertThat(result.code()).isZero();
            assertThat(server.request().getPath()).isEqualTo("/connectors/sink-demo/status");
            var reset = server.request();
            assertThat(reset.getMethod()).isEqualTo("DELETE");
            assertThat(reset.getPath()).isEqualTo("/connectors/sink-demo/offsets");
            assertThat(result.out())
                    .isEqualTo(
                            "sink-demo: offsets reset (The offsets for this connector have been reset successfully)\n");
        }
    }

    @Test
    void refusesToResetARunningConnector() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, Payloads.RUNNING);
            Result result = cli("offsets", "sink-demo", "--reset", "--url", server.url());
            assertThat(result.code()).isEqualTo(1);
            assertThat(result.err())
                    .contains("connector 'sink-demo' is RUNNING; offsets can only be reset while it is "
                            + "STOPPED: run 'tdconnect stop sink-demo' first");
            assertThat(server.requestCount()).as("no DELETE sent").isEqualTo(1);
        }
    }

    @Test
    void noOffsetsYet() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, "{\"offsets\":[]}");
            Result result = cli("offsets", "sink-demo", "--url", server.url());
            assertThat(result.out()).isEqualTo("sink-demo: no committed offsets\n");
        }
    }

    /** What 'tdconnect offsets NAME -o json' prints for a query-mode source, edited: d1 set back, d2 reset. */
    private static final String EDITED = """
            {
              "offsets" : [ {
                "partition" : { "database" : "power", "table" : "d1" },
                "offset" : { "precision" : "ms", "rows" : 1, "ts" : 1714550400000 }
              }, {
                "partition" : { "database" : "power", "table" : "d2" },
                "offset" : null
              } ]
            }""";

    private static final String ALTERED =
            "{\"message\":\"The offsets for this connector have been altered successfully\"}";
    private static final String QUERY_SOURCE = """
            {"name":"src","connector.class":"com.taosdata.kafka.connect.source.TDengineSourceConnector",
             "connection.database":"Power","read.method":"query"}""";
    private static final String SUBSCRIPTION_SOURCE = """
            {"name":"src","connector.class":"com.taosdata.kafka.connect.source.TDengineSourceConnector",
             "connection.database":"power","read.method":"subscription"}""";
    private static final String SOURCE_OFFSETS = """
            {"offsets":[{"partition":{"database":"power","table":"d1"},
                         "offset":{"ts":1714550460123456,"rows":1,"precision":"us"}}]}""";

    @TempDir
    Path dir;

    private String file(String text) throws IOException {
        Path file = dir.resolve("offsets.json");
        Files.writeString(file, text);
        return file.toString();
    }

    @Test
    void setsTheOffsetsOfAFileOnAStoppedConnector() throws IOException {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, Payloads.STOPPED).answer(200, ALTERED);
            Result result = cli("offsets", "src", "--set", file(EDITED), "--url", server.url());
            assertThat(result.code()).as(result.err()).isZero();
            assertThat(server.request().getPath()).isEqualTo("/connectors/src/status");
            RecordedRequest patch = server.request();
            assertThat(patch.getMethod()).isEqualTo("PATCH");
            assertThat(patch.getPath()).isEqualTo("/connectors/src/offsets");
            // The partition's keys in the file's order: Connect matches partitions by their serialized form.
            assertThat(patch.getBody().readUtf8())
                    .isEqualTo("{\"offsets\":["
                            + "{\"partition\":{\"database\":\"power\",\"table\":\"d1\"},"
                            + "\"offset\":{\"precision\":\"ms\",\"rows\":1,\"ts\":1714550400000}},"
                            + "{\"partition\":{\"database\":\"power\",\"table\":\"d2\"},\"offset\":null}]}");
            assertThat(result.out()).isEqualTo("""
                    src: offsets set (The offsets for this connector have been altered successfully)
                      {"database":"power","table":"d1"} -> {"precision":"ms","rows":1,"ts":1714550400000}
                      {"database":"power","table":"d2"} -> null
                    run 'tdconnect resume src' to read from there
                    """);
        }
    }

    @Test
    void refusesToSetOffsetsOfARunningConnector() throws IOException {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, Payloads.RUNNING);
            Result result = cli("offsets", "sink-demo", "--set", file(EDITED), "--url", server.url());
            assertThat(result.code()).isEqualTo(1);
            assertThat(result.err())
                    .contains("connector 'sink-demo' is RUNNING; offsets can only be set while it is "
                            + "STOPPED: run 'tdconnect stop sink-demo' first");
            assertThat(server.requestCount()).as("no PATCH sent").isEqualTo(1);
        }
    }

    @Test
    void offsetsTheConnectorRefusesFailWithItsMessage() throws IOException {
        try (MockConnect server = new MockConnect()) {
            // What a worker answers when the connector's alterOffsets throws (seen on 4.1).
            server.answer(200, Payloads.STOPPED).error(500, "offsets not altered: source partition {} is bad");
            Result result = cli("offsets", "src", "--set", file(EDITED), "--url", server.url());
            assertThat(result.code()).isEqualTo(1);
            assertThat(result.err()).contains("src: offsets not altered: source partition {} is bad");
        }
    }

    @Test
    void aFileNotInTheShapeTheOffsetsArePrintedInIsAUsageError() throws IOException {
        try (MockConnect server = new MockConnect()) {
            assertThat(cli("offsets", "src", "--set", file("{\"d1\": 5}"), "--url", server.url())
                            .err())
                    .contains("expected {\"offsets\": [{\"partition\": {…}, \"offset\": {…}}, …]}");
            assertThat(cli(
                                    "offsets",
                                    "src",
                                    "--set",
                                    file("{\"offsets\": [{\"partition\": {\"a\": 1}}]}"),
                                    "--url",
                                    server.url())
                            .err())
                    .contains("offsets[0] (partition {\"a\":1}) needs an \"offset\" object, "
                            + "or null to reset that partition");
            Result missing =
                    cli("offsets", "src", "--set", dir.resolve("none.json").toString(), "--url", server.url());
            assertThat(missing.code()).isEqualTo(2);
            assertThat(missing.err()).contains("none.json: no such file");
            assertThat(server.requestCount()).isZero();
        }
    }

    @Test
    void fromATimeSetsTheTablesQueryModePositionInTheDatabasesPrecision() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, QUERY_SOURCE)
                    .answer(200, SOURCE_OFFSETS)
                    .answer(200, Payloads.STOPPED)
                    .answer(200, ALTERED);
            Result result = cli(
                    "offsets", "src", "--table", "d1", "--from", "2024-05-01 16:00:00.5+08:00", "--url", server.url());
            assertThat(result.code()).as(result.err()).isZero();
            assertThat(server.request().getPath()).isEqualTo("/connectors/src/config");
            assertThat(server.request().getPath()).isEqualTo("/connectors/src/offsets");
            assertThat(server.request().getPath()).isEqualTo("/connectors/src/status");
            RecordedRequest patch = server.request();
            assertThat(patch.getMethod()).isEqualTo("PATCH");
            String body = patch.getBody().readUtf8();
            // 16:00:00.5+08:00 in the database's precision (us, from the stored offsets); the database as the
            // connector names it (lower case), the partition's keys in the connector's order.
            assertThat(body).startsWith("{\"offsets\":[{\"partition\":{\"database\":\"power\",\"table\":\"d1\"},");
            assertThat(json(body).path("offsets").get(0).path("offset"))
                    .isEqualTo(json("{\"ts\":1714550400500000,\"rows\":0,\"precision\":\"us\"}"));
            assertThat(result.err()).isEmpty();
        }
    }

    @Test
    void fromATimeWithoutOtherOffsetsTakesTheCoarsestExactPrecisionAndWarnsOfAnUnknownTable() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, QUERY_SOURCE)
                    .answer(200, "{\"offsets\":[]}")
                    .answer(200, Payloads.STOPPED)
                    .answer(200, ALTERED);
            Result result = cli("offsets", "src", "--table", "d9", "--from", "1714550400000", "--url", server.url());
            assertThat(result.code()).as(result.err()).isZero();
            server.request();
            server.request();
            server.request();
            assertThat(server.request().getBody().readUtf8())
                    .contains("\"ts\":1714550400000")
                    .contains("\"rows\":0")
                    .contains("\"precision\":\"ms\"");
            assertThat(result.err()).contains("no offset was stored for table 'd9' before");
        }
    }

    @Test
    void fromATimeIsRefusedForASubscriptionModeSource() {
        try (MockConnect server = new MockConnect()) {
            server.answer(200, SUBSCRIPTION_SOURCE).answer(200, "{\"offsets\":[]}");
            Result result =
                    cli("offsets", "src", "--table", "d1", "--from", "2024-05-01T00:00:00Z", "--url", server.url());
            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err())
                    .contains("--table/--from set a query-mode position; 'src' reads by subscription: "
                            + "set each vgroup's position with --set FILE");
            assertThat(server.requestCount()).as("no PATCH sent").isEqualTo(2);
        }
    }

    @Test
    void fromATimeWithoutAZoneOffsetIsAUsageError() {
        Result result =
                cli("offsets", "src", "--table", "d1", "--from", "2024-05-01 00:00:00", "--url", "http://127.0.0.1:1");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("is not a time with a zone offset");
    }

    @Test
    void tableAndFromGoTogetherAndExcludeTheOtherChanges() throws IOException {
        assertThat(cli("offsets", "src", "--table", "d1", "--url", "http://127.0.0.1:1")
                        .err())
                .contains("--table and --from go together");
        Result both = cli("offsets", "src", "--reset", "--set", file(EDITED), "--url", "http://127.0.0.1:1");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("use one of --reset, --set FILE and --table TABLE --from TIME");
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
