package com.taosdata.kafka.connect.cli.client;

import static com.taosdata.kafka.connect.cli.testing.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.cli.testing.CliRun;
import com.taosdata.kafka.connect.cli.testing.CliRun.Result;
import com.taosdata.kafka.connect.cli.testing.MockConnect;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https with a private CA: trusted through --truststore, refused without it. */
class TlsTest {

    @TempDir
    Path dir;

    private HeldCertificate certificate;
    private Path truststore;

    @BeforeEach
    void makeCertificate() throws Exception {
        certificate = new HeldCertificate.Builder()
                .addSubjectAlternativeName("localhost")
                .addSubjectAlternativeName("127.0.0.1")
                .build();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("connect", certificate.certificate());
        truststore = dir.resolve("truststore.p12");
        try (OutputStream out = Files.newOutputStream(truststore)) {
            store.store(out, "changeit".toCharArray());
        }
    }

    private MockConnect httpsServer() {
        HandshakeCertificates server =
                new HandshakeCertificates.Builder().heldCertificate(certificate).build();
        return new MockConnect(server.sslSocketFactory());
    }

    @Test
    void trustsTheGivenTrustStore() {
        try (MockConnect server = httpsServer()) {
            server.answer(200, "[\"a\"]");
            Result result = cli(
                    "list",
                    "--url",
                    server.url(),
                    "--truststore",
                    truststore.toString(),
                    "--truststore-password",
                    "changeit");
            assertThat(result.code()).as(result.err()).isZero();
            assertThat(server.url()).startsWith("https://");
            assertThat(result.out()).isEqualTo("a\n");
        }
    }

    @Test
    void trustStoreFromTheEnvironment() {
        try (MockConnect server = httpsServer()) {
            server.answer(200, "[]");
            Result result = new CliRun()
                    .env("TDCONNECT_TRUSTSTORE", truststore.toString())
                    .env("TDCONNECT_TRUSTSTORE_PASSWORD", "changeit")
                    .run("list", "--url", server.url());
            assertThat(result.code()).as(result.err()).isZero();
        }
    }

    @Test
    void untrustedCertificateIsExitCodeThree() {
        try (MockConnect server = httpsServer()) {
            Result result = cli("list", "--url", server.url());
            assertThat(result.code()).isEqualTo(3);
            assertThat(result.err()).contains("cannot reach the Connect cluster");
        }
    }

    @Test
    void wrongTrustStorePasswordIsAUsageError() {
        Result result = cli("list", "--truststore", truststore.toString(), "--truststore-password", "wrong");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--truststore " + truststore + ": cannot load it");
    }

    @Test
    void missingTrustStoreIsAUsageError() {
        Result result = cli("list", "--truststore", dir.resolve("nope.p12").toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("nope.p12: no such readable file");
    }
}
