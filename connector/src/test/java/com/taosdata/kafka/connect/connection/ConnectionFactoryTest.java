package com.taosdata.kafka.connect.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import com.taosdata.kafka.connect.testing.FakeJdbc;
import com.taosdata.kafka.connect.testing.SelfSignedCertificate;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

class ConnectionFactoryTest {

    private static final String SECRET = "pw-never-shown-42";

    @TempDir
    Path dir;

    @TempDir
    static Path certificates;

    /** Made once: keytool takes seconds. */
    private static SelfSignedCertificate certificate;

    private String libraryPath;

    @BeforeEach
    void saveLibraryPath() {
        libraryPath = System.getProperty("java.library.path");
    }

    @AfterEach
    void restoreLibraryPath() {
        System.setProperty("java.library.path", libraryPath);
    }

    private static ConnectionFactory factory(String url) {
        return new ConnectionFactory(
                TDengineUrl.parse("connection.url", url),
                Credentials.userAndPassword("root", new Password(SECRET)),
                Duration.ofSeconds(10));
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void nativeWithoutClientLibraryFailsFatallyAtOnceNamingTheWebSocketUrl() {
        System.setProperty("java.library.path", dir.toString());

        assertThatThrownBy(() -> factory("jdbc:TAOS://td1:6030").open(null))
                .isInstanceOfSatisfying(
                        TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FATAL))
                .hasMessageContaining("jdbc:TAOS-WS://td1:6041");
    }

    @Test
    void requireClientChecksTheNativeClientLibraryWithoutConnecting() {
        System.setProperty("java.library.path", dir.toString());

        assertThatThrownBy(() -> factory("jdbc:TAOS://td1:6030").requireClient())
                .isInstanceOfSatisfying(
                        TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FATAL))
                .hasMessageContaining("jdbc:TAOS-WS://td1:6041");
        assertThatCode(() -> factory("jdbc:TAOS-WS://td1:6041").requireClient()).doesNotThrowAnyException();
    }

    @Test
    void nativeWithAnUnloadableClientLibraryFailsFatallyWithoutRetrying() throws IOException {
        Files.writeString(dir.resolve(System.mapLibraryName("taos")), "not an ELF file");
        System.setProperty("java.library.path", dir.toString());
        // What the JVM does with that file: the real library may be on this machine's own path, which the
        // java.library.path property no longer steers once the JVM runs.
        ConnectionFactory factory = new ConnectionFactory(
                TDengineUrl.parse("connection.url", "jdbc:TAOS://td1:6030"),
                Credentials.userAndPassword("root", new Password(SECRET)),
                Duration.ofSeconds(10),
                transport -> {
                    throw new UnsatisfiedLinkError(dir.resolve(System.mapLibraryName("taos")) + ": invalid ELF header");
                });

        assertThatThrownBy(() -> factory.open(null))
                .isInstanceOfSatisfying(
                        TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FATAL))
                .hasMessageContaining("jdbc:TAOS-WS://");
    }

    @Test
    void anUnreachableRestUrlIsTransientAfterOneAttemptWhoseRetryIsTheCallers() throws IOException {
        int port = closedPort();

        assertThatThrownBy(() -> factory("jdbc:TAOS-RS://127.0.0.1:" + port).open("power"))
                .isInstanceOfSatisfying(
                        TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT))
                .hasMessageContaining("127.0.0.1:" + port)
                .satisfies(
                        e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("attempt(s)"));
    }

    @Test
    void aRestConnectionIsProbedWithTheConfiguredCredentials() throws Exception {
        List<String> seen = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/rest/sql", exchange -> {
            seen.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{\"code\":0,\"column_meta\":[[\"1\",\"BIGINT\",8]],\"data\":[[1]],\"rows\":1}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try (Connection connection = factory(
                        "jdbc:TAOS-RS://127.0.0.1:" + server.getAddress().getPort())
                .open(null)) {
            assertThat(connection.isClosed()).isFalse();
        } finally {
            server.stop(0);
        }

        String basic =
                "Basic " + Base64.getEncoder().encodeToString(("root:" + SECRET).getBytes(StandardCharsets.UTF_8));
        assertThat(seen).containsExactly(basic + " SELECT 1");
    }

    @Test
    void aRestServerRejectingTheCredentialsFailsFatallyWithoutRetrying() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/rest/sql", exchange -> {
            byte[] answer = "{\"code\":855,\"desc\":\"Authentication failure\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            assertThatThrownBy(() -> factory("jdbc:TAOS-RS://127.0.0.1:"
                                    + server.getAddress().getPort())
                            .open(null))
                    .isInstanceOfSatisfying(TDengineException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.FATAL);
                        assertThat(ErrorCodes.normalize(e.code())).isEqualTo(ErrorCodes.AUTH_FAILURE);
                    })
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void userAndPasswordTravelAsDriverProperties() throws Exception {
        Properties sent = propertiesSentBy(Credentials.userAndPassword("root", new Password(SECRET)));

        assertThat(sent)
                .containsOnlyKeys("user", "password")
                .containsEntry("user", "root")
                .containsEntry("password", SECRET);
    }

    @Test
    void aTokenTravelsAsTheDriversTokenPropertyWithoutUserOrPassword() throws Exception {
        Properties sent = propertiesSentBy(Credentials.token(new Password(SECRET)));

        assertThat(sent).containsOnlyKeys("token").containsEntry("token", SECRET);
    }

    private static Properties propertiesSentBy(Credentials credentials) throws Exception {
        Driver driver = mock(Driver.class);
        ArgumentCaptor<Properties> properties = ArgumentCaptor.forClass(Properties.class);
        ArgumentCaptor<String> url = ArgumentCaptor.forClass(String.class);
        Connection connection = new FakeJdbc().connection();
        when(driver.connect(url.capture(), properties.capture())).thenReturn(connection);
        new ConnectionFactory(
                        TDengineUrl.parse("connection.url", "jdbc:TAOS-WS://gw:443?useSSL=true"),
                        credentials,
                        Duration.ofSeconds(10),
                        transport -> driver)
                .open("power")
                .close();
        assertThat(url.getValue())
                .isEqualTo("jdbc:TAOS-WS://gw:443/power?useSSL=true")
                .doesNotContain(SECRET);
        return properties.getValue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:TAOS-WS://", "jdbc:TAOS-RS://"})
    void aTlsServerWhoseCertificateTheWorkerDoesNotTrustFailsFatallyNamingTheTruststore(String scheme)
            throws Exception {
        if (certificate == null) {
            certificate = SelfSignedCertificate.create(certificates);
        }
        HttpsServer server = certificate.serve(exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        try {
            int port = server.getAddress().getPort();

            assertThatThrownBy(() -> factory(scheme + "localhost:" + port + "?useSSL=true")
                            .open(null))
                    .isInstanceOfSatisfying(
                            TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FATAL))
                    .hasMessageContaining("connecting to " + scheme + "localhost:" + port + "/?useSSL=true failed: "
                            + "the TLS certificate of taosAdapter at localhost:" + port
                            + " is not trusted by this worker")
                    .hasMessageContaining("-Djavax.net.ssl.trustStore=")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void exposesItsUrl() {
        assertThat(factory("jdbc:TAOS-WS://td1").url().port()).isEqualTo(6041);
    }
}
