package com.taosdata.kafka.connect.cli.client;

import com.taosdata.kafka.connect.cli.error.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/** Trusts the CA in a user-given trust store, for Connect REST endpoints behind a private CA. */
final class Tls {

    private Tls() {}

    static void trust(OkHttpClient.Builder builder, Path truststore, char[] password) {
        if (!Files.isReadable(truststore)) {
            throw CliException.usage("--truststore " + truststore + ": no such readable file");
        }
        try {
            KeyStore store = KeyStore.getInstance(truststore.toFile(), password);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            X509TrustManager trustManager = null;
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    trustManager = x509;
                }
            }
            if (trustManager == null) {
                throw CliException.usage("--truststore " + truststore + ": holds no X.509 certificates");
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, null);
            builder.sslSocketFactory(context.getSocketFactory(), trustManager);
        } catch (IOException | GeneralSecurityException e) {
            throw CliException.usage(
                    "--truststore " + truststore + ": cannot load it (wrong password or format?): " + e.getMessage());
        }
    }
}
