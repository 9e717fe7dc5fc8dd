package com.taosdata.kafka.connect.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a certificate the stand-in serves its API over HTTPS as well, on its own port, sharing one store. */
class TlsTest {
    @TempDir
    static Path dir;

    private static StandInCertificate certificate;
    private static TDengineStandIn standIn;

    @BeforeAll
    static void start() throws Exception {
        certificate = StandInCertificate.create(dir);
        standIn = TDengineStandIn.start(
                StandInOptions.defaults().withDatabaseCreationDelayMillis(0).withTls(certificate.serverContext()));
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    private static HttpResponse<String> post(HttpClient client, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + standIn.tlsPort() + path))
                .header("Authorization", Http.ROOT_AUTH)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void aClientTrustingTheTruststoreWritesOverHttpsWhatPlainHttpReads() throws Exception {
        HttpClient trusting =
                HttpClient.newBuilder().sslContext(certificate.clientContext()).build();

        assertThat(post(trusting, "/rest/sql", "create database tls_db").statusCode())
                .isEqualTo(200);
        assertThat(post(trusting, "/influxdb/v1/write?db=tls_db&precision=ms", "m,t=a f=1 1700000000000")
                        .statusCode())
                .isEqualTo(204);

        assertThat(Http.sql(standIn, "select count(*) from tls_db.m").body()).contains("\"data\":[[1]]");
    }

    @Test
    void aClientWithTheJvmsDefaultTrustIsRefusedInTheHandshake() {
        assertThatThrownBy(() -> post(HttpClient.newHttpClient(), "/rest/sql", "select 1"))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void withoutACertificateThereIsNoHttpsPort() throws Exception {
        try (TDengineStandIn plain = TDengineStandIn.start(0)) {
            assertThatThrownBy(plain::tlsPort)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("withTls");
        }
    }
}
