package com.taosdata.kafka.connect.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsServer;
import com.taosdata.kafka.connect.testing.SelfSignedCertificate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import java.sql.SQLException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsDiagnosisTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** What taos-jdbcdriver's WebSocket client answers for any failed TLS handshake. */
    private static final SQLException WEBSOCKET_FAILURE = new SQLException(
            "ERROR (0x231d): can't create connection with server within: 60000 milliseconds", "", 0x231d);

    @TempDir
    static Path dir;

    private static SelfSignedCertificate certificate;
    private static HttpsServer server;

    @BeforeAll
    static void startServer() throws Exception {
        certificate = SelfSignedCertificate.create(dir);
        server = certificate.serve(exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static TDengineUrl url(String host, int port, String query) {
        return TDengineUrl.parse("connection.url", "jdbc:TAOS-WS://" + host + ":" + port + query);
    }

    @Test
    void aCertificateTheWorkerDoesNotTrustIsNamedWithTheTruststoreSettings() {
        TDengineUrl url = url("localhost", server.getAddress().getPort(), "?useSSL=true");

        assertThat(TlsDiagnosis.explain(url, WEBSOCKET_FAILURE, TIMEOUT))
                .hasValueSatisfying(message -> assertThat(message)
                        .contains("the TLS certificate of taosAdapter at localhost:"
                                + server.getAddress().getPort() + " is not trusted by this worker")
                        .contains("unable to find valid certification path")
                        .contains("-Djavax.net.ssl.trustStore=")
                        .contains("KAFKA_OPTS"));
    }

    @Test
    void aTrustedCertificateIsNoProblemSoTheDriversFailureStands() throws Exception {
        TDengineUrl url = url("localhost", server.getAddress().getPort(), "?useSSL=true");

        assertThat(TlsDiagnosis.explain(url, WEBSOCKET_FAILURE, TIMEOUT, certificate.trustingContext()))
                .isEmpty();
    }

    @Test
    void aTrustedCertificateForAnotherHostNameIsRefusedNamingTheHost() throws Exception {
        TDengineUrl url = url("127.0.0.1", server.getAddress().getPort(), "?useSSL=true");

        assertThat(TlsDiagnosis.explain(url, WEBSOCKET_FAILURE, TIMEOUT, certificate.trustingContext()))
                .hasValueSatisfying(message -> assertThat(message)
                        .contains("was refused")
                        .contains("127.0.0.1 as a subject alternative name"));
    }

    @Test
    void aServerThatDoesNotAnswerTlsIsToldApartFromAnUntrustedOne() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                try (Socket socket = plain.accept()) {
                    socket.getInputStream().read(new byte[512]);
                    socket.getOutputStream()
                            .write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // The client hung up first: what it saw is what the assertion checks.
                }
            });
            answer.start();
            TDengineUrl url = url("localhost", plain.getLocalPort(), "?useSSL=true");

            assertThat(TlsDiagnosis.explain(url, WEBSOCKET_FAILURE, TIMEOUT))
                    .hasValueSatisfying(message ->
                            assertThat(message).contains("does not answer TLS").contains("remove useSSL=true"));
            answer.join();
        }
    }

    @Test
    void aFailureCarryingTheTlsExceptionIsExplainedWithoutConnecting() throws IOException {
        TDengineUrl url = url("localhost", closedPort(), "?useSSL=true");
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
        handshake.initCause(new CertPathBuilderException("unable to find valid certification path"));

        assertThat(TlsDiagnosis.explain(url, new IOException("send failed", handshake), TIMEOUT))
                .hasValueSatisfying(message -> assertThat(message).contains("is not trusted by this worker"));
    }

    @Test
    void anUnreachableServerIsNoTlsProblem() throws IOException {
        assertThat(TlsDiagnosis.explain(url("localhost", closedPort(), "?useSSL=true"), WEBSOCKET_FAILURE, TIMEOUT))
                .isEmpty();
    }

    @Test
    void withoutUseSslNothingIsLookedInto() throws Exception {
        TDengineUrl url = url("localhost", server.getAddress().getPort(), "");

        assertThat(TlsDiagnosis.explain(url, WEBSOCKET_FAILURE, TIMEOUT)).isEmpty();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
