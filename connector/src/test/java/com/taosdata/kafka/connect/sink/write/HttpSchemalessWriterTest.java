package com.taosdata.kafka.connect.sink.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import com.taosdata.kafka.connect.connection.Credentials;
import com.taosdata.kafka.connect.connection.ErrorKind;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.connection.TDengineUrl;
import com.taosdata.kafka.connect.schemas.TimestampUnit;
import com.taosdata.kafka.connect.sink.config.SchemalessProtocol;
import com.taosdata.kafka.connect.sink.config.TableOptions;
import com.taosdata.kafka.connect.testing.SelfSignedCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpSchemalessWriterTest {

    private static final String PASSWORD = "adapter-secret-7";
    private static final String TOKEN = "cloud token/7+";
    private static final String TOKEN_IN_URL = "cloud+token%2F7%2B";

    /** One request as the server saw it. */
    record Seen(String method, String uri, String authorization, String body) {}

    private HttpServer server;
    private final List<Seen> seen = new ArrayList<>();
    private volatile int status = 204;
    private volatile String answer = "";

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                seen.add(new Seen(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().toString(),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private HttpSchemalessWriter writer(SchemalessProtocol protocol, TimestampUnit precision) {
        return writer("jdbc:TAOS-RS://127.0.0.1:" + server.getAddress().getPort(), protocol, precision);
    }

    private static HttpSchemalessWriter writer(String url, SchemalessProtocol protocol, TimestampUnit precision) {
        return writer(url, protocol, precision, TableOptions.DEFAULTS);
    }

    private static HttpSchemalessWriter writer(
            String url, SchemalessProtocol protocol, TimestampUnit precision, TableOptions tables) {
        return new HttpSchemalessWriter(
                TDengineUrl.parse("connection.url", url),
                Credentials.userAndPassword("root", new Password(PASSWORD)),
                protocol,
                precision,
                tables,
                Duration.ofSeconds(10));
    }

    static String golden(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(
                HttpSchemalessWriterTest.class.getResourceAsStream("/sink/golden/" + name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void linesArePostedToTheInfluxEndpointJoinedByNewlines() throws IOException {
        List<String> lines = List.of(
                "meters,location=California.LosAngeles,groupid=2 current=11.8,voltage=221,phase=0.28 1648432611249000000",
                "meters,location=California.LosAngeles,groupid=2 current=13.4,voltage=223,phase=0.29 1648432611250000000");

        writer(SchemalessProtocol.LINE, TimestampUnit.NS).write("power", lines);

        assertThat(seen).hasSize(1);
        Seen request = seen.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo("/influxdb/v1/write?db=power&precision=ns");
        assertThat(request.body()).isEqualTo(golden("http-line-body.txt").stripTrailing());
    }

    @Test
    void theSizeWrittenIsTheUtf8SizeOfTheLinesWithoutTheLineFeedsBetweenThem() {
        // "北" is three bytes in UTF-8: 13 + 7 + 7 bytes of lines, two line feeds not counted.
        long bytes = writer(SchemalessProtocol.LINE, TimestampUnit.NS)
                .write("power", List.of("m,t=\u5317 f=1 1", "m f=2 2", "m f=3 3"));

        assertThat(bytes).isEqualTo(13 + 7 + 7);
        assertThat(writer(SchemalessProtocol.TELNET, TimestampUnit.MS).write("power", List.of("m 1 2 t=a")))
                .isEqualTo(9);
        assertThat(writer(SchemalessProtocol.JSON, TimestampUnit.MS)
                        .write("power", List.of("{\"metric\":\"a\"}", "{\"metric\":\"b\"}")))
                .isEqualTo(14 + 14);
    }

    @Test
    void theInfluxPrecisionNamesAreNsUAndMs() {
        assertThat(writer(SchemalessProtocol.LINE, TimestampUnit.NS)
                        .endpoint("db")
                        .toString())
                .endsWith("/influxdb/v1/write?db=db&precision=ns");
        assertThat(writer(SchemalessProtocol.LINE, TimestampUnit.US)
                        .endpoint("db")
                        .toString())
                .endsWith("/influxdb/v1/write?db=db&precision=u");
        assertThat(writer(SchemalessProtocol.LINE, TimestampUnit.MS)
                        .endpoint("db")
                        .toString())
                .endsWith("/influxdb/v1/write?db=db&precision=ms");
    }

    @Test
    void telnetLinesArePostedToTheTelnetEndpoint() {
        writer(SchemalessProtocol.TELNET, TimestampUnit.MS)
                .write("power", List.of("meters.current 1648432611249 10.3 location=LA", "m 1 2 t=a"));

        assertThat(seen).singleElement().satisfies(r -> {
            assertThat(r.uri()).isEqualTo("/opentsdb/v1/put/telnet/power");
            assertThat(r.body()).isEqualTo("meters.current 1648432611249 10.3 location=LA\nm 1 2 t=a");
        });
    }

    @Test
    void jsonDocumentsArePostedMergedIntoOneArrayToTheJsonEndpoint() throws IOException {
        writer(SchemalessProtocol.JSON, TimestampUnit.NS)
                .write(
                        "power",
                        List.of(
                                "{\"metric\":\"meters.current\",\"timestamp\":1648432611249,\"value\":10.3,\"tags\":{\"groupid\":2}}",
                                "[{\"metric\":\"meters.voltage\",\"timestamp\":1648432611249,\"value\":219,\"tags\":{\"groupid\":2}},"
                                        + "{\"metric\":\"meters.voltage\",\"timestamp\":1648432611250,\"value\":221,\"tags\":{\"groupid\":2}}]"));

        assertThat(seen).singleElement().satisfies(r -> {
            assertThat(r.uri()).isEqualTo("/opentsdb/v1/put/json/power");
            assertThat(r.body()).isEqualTo(golden("http-json-body.json").stripTrailing());
        });
    }

    @Test
    void requestsCarryBasicAuthentication() {
        writer(SchemalessProtocol.LINE, TimestampUnit.NS).write("power", List.of("m f=1"));

        String expected =
                "Basic " + Base64.getEncoder().encodeToString(("root:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(seen).singleElement().extracting(Seen::authorization).isEqualTo(expected);
    }

    @Test
    void aRestErrorAnswerBecomesATDengineExceptionWithItsCodeAndKind() {
        status = 400;
        answer = "{\"code\":1547,\"desc\":\"Timestamp data out of range\"}";

        assertThatThrownBy(
                        () -> writer(SchemalessProtocol.LINE, TimestampUnit.NS).write("power", List.of("m f=1 9")))
                .isInstanceOfSatisfying(TDengineException.class, e -> {
                    assertThat(e.code()).isEqualTo(0x060B);
                    assertThat(e.kind()).isEqualTo(ErrorKind.DATA);
                })
                .hasMessageContaining("Timestamp data out of range")
                .hasMessageContaining("into power");
    }

    @Test
    void anInfluxEndpointErrorAnswerIsReadForItsBracketedCode() {
        status = 500;
        answer = "{\"code\":\"internal error\",\"message\":\"[0x3002] invalid data\"}";

        assertThatThrownBy(
                        () -> writer(SchemalessProtocol.LINE, TimestampUnit.NS).write("power", List.of("m,t= f=1")))
                .isInstanceOfSatisfying(
                        TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.DATA));
    }

    @Test
    void unauthorizedIsFatalAndDoesNotShowThePassword() {
        status = 401;
        answer = "{\"code\":\"forbidden\",\"message\":\"Authentication failure\"}";

        assertThatThrownBy(() ->
                        writer(SchemalessProtocol.TELNET, TimestampUnit.NS).write("power", List.of("m 1 2 t=a")))
                .isInstanceOfSatisfying(
                        TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FATAL))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
    }

    @Test
    void serviceUnavailableIsTransient() {
        status = 503;
        answer = "\"memory exceeds threshold\"";

        assertThatThrownBy(
                        () -> writer(SchemalessProtocol.LINE, TimestampUnit.NS).write("power", List.of("m f=1")))
                .isInstanceOfSatisfying(
                        TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT))
                .hasMessageContaining("HTTP 503");
    }

    @Test
    void aNonJsonErrorBodyIsShownAndGoesByStatus() {
        status = 502;
        answer = "<html><body>Bad Gateway</body></html>";

        assertThatThrownBy(
                        () -> writer(SchemalessProtocol.LINE, TimestampUnit.NS).write("power", List.of("m f=1")))
                .isInstanceOfSatisfying(
                        TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT))
                .hasMessageContaining("Bad Gateway");
    }

    @Test
    void connectionRefusedIsTransient() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        assertThatThrownBy(() -> writer("jdbc:TAOS-RS://127.0.0.1:" + closed, SchemalessProtocol.LINE, TimestampUnit.NS)
                        .write("power", List.of("m f=1")))
                .isInstanceOfSatisfying(TDengineException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
                    assertThat(e.code()).isZero();
                })
                .hasMessageContaining("127.0.0.1:" + closed)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
    }

    @Test
    void tableOptionsBecomeTaosAdaptersQueryParameters() {
        TableOptions both = new TableOptions("device id", 30);
        String url = "jdbc:TAOS-RS://td1:6041";

        assertThat(writer(url, SchemalessProtocol.LINE, TimestampUnit.MS, both).endpoint("power"))
                .hasToString("http://td1:6041/influxdb/v1/write?db=power&precision=ms&table_name_key=device+id&ttl=30");
        assertThat(writer(url, SchemalessProtocol.TELNET, TimestampUnit.MS, both)
                        .endpoint("power"))
                .hasToString("http://td1:6041/opentsdb/v1/put/telnet/power?table_name_key=device+id&ttl=30");
        assertThat(writer(url, SchemalessProtocol.JSON, TimestampUnit.MS, new TableOptions(null, 7))
                        .endpoint("power"))
                .hasToString("http://td1:6041/opentsdb/v1/put/json/power?ttl=7");
        assertThat(writer(url, SchemalessProtocol.JSON, TimestampUnit.MS, new TableOptions("device", 0))
                        .endpoint("power"))
                .hasToString("http://td1:6041/opentsdb/v1/put/json/power?table_name_key=device");
    }

    @Test
    void useSslSelectsHttps() {
        assertThat(writer("jdbc:TAOS-RS://td1:443?useSSL=true", SchemalessProtocol.TELNET, TimestampUnit.NS)
                        .endpoint("power"))
                .hasToString("https://td1:443/opentsdb/v1/put/telnet/power");
    }

    @Test
    void aTokenIsSentAsTheTokenParameterInPlaceOfBasicAuthentication() {
        String port = Integer.toString(server.getAddress().getPort());
        HttpSchemalessWriter line = tokenWriter("jdbc:TAOS-RS://127.0.0.1:" + port, SchemalessProtocol.LINE);
        HttpSchemalessWriter telnet = tokenWriter("jdbc:TAOS-RS://127.0.0.1:" + port, SchemalessProtocol.TELNET);

        line.write("power", List.of("m f=1"));
        telnet.write("power", List.of("m 1 2 t=a"));

        assertThat(seen)
                .extracting(Seen::uri)
                .containsExactly(
                        "/influxdb/v1/write?db=power&precision=ns&token=" + TOKEN_IN_URL,
                        "/opentsdb/v1/put/telnet/power?token=" + TOKEN_IN_URL);
        assertThat(seen).extracting(Seen::authorization).containsOnlyNulls();
    }

    @Test
    void aRejectedTokenIsFatalAndNotShown() {
        // What taosAdapter 3.3.6.13, which does not read tokens, answers a token-only write to /influxdb/v1/write.
        status = 401;
        answer = "{\"code\":\"forbidden\",\"message\":\"get auth error\"}";

        assertThatThrownBy(() -> tokenWriter(
                                "jdbc:TAOS-RS://127.0.0.1:"
                                        + server.getAddress().getPort(),
                                SchemalessProtocol.LINE)
                        .write("power", List.of("m f=1")))
                .isInstanceOfSatisfying(
                        TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FATAL))
                .hasMessageContaining("connection.token")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain(TOKEN_IN_URL));
    }

    @Test
    void anHttpsServerTheWorkerDoesNotTrustFailsFatallyNamingTheTruststore(@TempDir Path dir) throws Exception {
        HttpsServer https = SelfSignedCertificate.create(dir).serve(exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        try {
            int port = https.getAddress().getPort();

            assertThatThrownBy(() -> writer(
                                    "jdbc:TAOS-RS://localhost:" + port + "?useSSL=true",
                                    SchemalessProtocol.LINE,
                                    TimestampUnit.NS)
                            .write("power", List.of("m f=1")))
                    .isInstanceOfSatisfying(
                            TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FATAL))
                    .hasMessageContaining("schemaless write into power via https://localhost:" + port
                            + " failed: the TLS " + "certificate of taosAdapter at localhost:" + port
                            + " is not trusted by this worker")
                    .hasMessageContaining("-Djavax.net.ssl.trustStore=");
        } finally {
            https.stop(0);
        }
    }

    private static HttpSchemalessWriter tokenWriter(String url, SchemalessProtocol protocol) {
        return new HttpSchemalessWriter(
                TDengineUrl.parse("connection.url", url),
                Credentials.token(new Password(TOKEN)),
                protocol,
                TimestampUnit.NS,
                TableOptions.DEFAULTS,
                Duration.ofSeconds(10));
    }
}
