package com.taosdata.kafka.connect.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

class ConnectionFactoryTest {

    private static final String SECRET = "pw-never-shown-42";

    @TempDir
    Path dir;

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
        return new ConnectionFactory(TDengineUrl.parse("connection.url", url), "root", new Password(SECRET));
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
                .isInstanceOfSatisfying(TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FATAL))
                .hasMessageContaining("jdbc:TAOS-WS://td1:6041");
    }

    @Test
    void requireClientChecksTheNativeClientLibraryWithoutConnecting() {
        System.setProperty("java.library.path", dir.toString());

        assertThatThrownBy(() -> factory("jdbc:TAOS://td1:6030").requireClient())
                .isInstanceOfSatisfying(TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FATAL))
                .hasMessageContaining("jdbc:TAOS-WS://td1:6041");
        assertThatCode(() -> factory("jdbc:TAOS-WS://td1:6041").requireClient()).doesNotThrowAnyException();
    }

    @Test
    void nativeWithAnUnloadableClientLibraryFailsFatallyWithoutRetrying() throws IOException {
        Files.writeString(dir.resolve(System.mapLibraryName("taos")), "not an ELF file");
        System.setProperty("java.library.path", dir.toString());
        // What the JVM does with that file: the real library may be on this machine's own path, which the
        // java.library.path property no longer steers once the JVM runs.
        ConnectionFactory factory = new ConnectionFactory(TDengineUrl.parse("connection.url", "jdbc:TAOS://td1:6030"),
                "root", new Password(SECRET), transport -> {
                    throw new UnsatisfiedLinkError(dir.resolve(System.mapLibraryName("taos")) + ": invalid ELF header");
                });

        assertThatThrownBy(() -> factory.open(null))
                .isInstanceOfSatisfying(TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FATAL))
                .hasMessageContaining("jdbc:TAOS-WS://");
    }

    @Test
    void anUnreachableRestUrlIsTransientAfterOneAttemptWhoseRetryIsTheCallers() throws IOException {
        int port = closedPort();

        assertThatThrownBy(() -> factory("jdbc:TAOS-RS://127.0.0.1:" + port).open("power"))
                .isInstanceOfSatisfying(TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT))
                .hasMessageContaining("127.0.0.1:" + port)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("attempt(s)"));
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
        try (Connection connection = factory("jdbc:TAOS-RS://127.0.0.1:" + server.getAddress().getPort()).open(null)) {
            assertThat(connection.isClosed()).isFalse();
        } finally {
            server.stop(0);
        }

        String basic = "Basic " + Base64.getEncoder().encodeToString(("root:" + SECRET).getBytes(StandardCharsets.UTF_8));
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
            assertThatThrownBy(() -> factory("jdbc:TAOS-RS://127.0.0.1:" + server.getAddress().getPort()).open(null))
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
    void exposesItsUrl() {
        assertThat(factory("jdbc:TAOS-WS://td1").url().port()).isEqualTo(6041);
    }
}
