package com.taosdata.kafka.connect.connection;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Says why a connection to taosAdapter over TLS ({@code useSSL=true}) failed when the reason is the certificate or
 * the protocol, which no retry cures. taos-jdbcdriver's WebSocket client reports any failed TLS handshake as
 * "can't create connection with server within: 60000 milliseconds", and its REST client keeps only the message; so
 * when the failure does not carry the TLS exception, one handshake is repeated here, trusting what the drivers
 * trust: the JVM's default truststore ({@code javax.net.ssl.trustStore}).
 */
public final class TlsDiagnosis {

    /** How a worker is told to trust a CA; the drivers take no truststore of their own. */
    public static final String TRUSTSTORE_HINT =
            "add the CA certificate that signed it to a truststore and start every "
                    + "Connect worker with KAFKA_OPTS=\"-Djavax.net.ssl.trustStore=/path/to/truststore.p12 "
                    + "-Djavax.net.ssl.trustStorePassword=<password>\" (taos-jdbcdriver trusts the JVM's truststore only)";

    private TlsDiagnosis() {}

    /**
     * The TLS problem behind {@code failure}, if {@code url} uses TLS and the problem is one: an untrusted or
     * mismatched certificate, or a server that does not speak TLS. The repeated handshake is bounded by
     * {@code timeout} for the connection and again for the handshake.
     */
    public static Optional<String> explain(TDengineUrl url, Throwable failure, Duration timeout) {
        if (!url.useSsl() || url.transport() == Transport.NATIVE) {
            return Optional.empty();
        }
        try {
            return explain(url, failure, timeout, SSLContext.getDefault());
        } catch (GeneralSecurityException e) {
            // No TLS in this JVM at all: the driver failed for the same reason and says so itself.
            return Optional.empty();
        }
    }

    /** As {@link #explain(TDengineUrl, Throwable, Duration)}, trusting what {@code context} trusts. */
    static Optional<String> explain(TDengineUrl url, Throwable failure, Duration timeout, SSLContext context) {
        SSLException carried = find(failure, SSLException.class);
        if (carried != null) {
            return Optional.of(describe(url, carried));
        }
        return handshake(url, timeout, context).map(e -> describe(url, e));
    }

    /** One TLS handshake with {@code url}'s host, verifying its certificate and host name as the REST clients do. */
    private static Optional<SSLException> handshake(TDengineUrl url, Duration timeout, SSLContext context) {
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(url.host(), url.port()), millis);
            plain.setSoTimeout(millis);
            try (SSLSocket socket =
                    (SSLSocket) context.getSocketFactory().createSocket(plain, url.host(), url.port(), false)) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
                socket.startHandshake();
            }
            return Optional.empty();
        } catch (SSLException e) {
            return Optional.of(e);
        } catch (IOException e) {
            // Unreachable or timed out: not a certificate problem, so the driver's own failure stands.
            return Optional.empty();
        }
    }

    private static String describe(TDengineUrl url, SSLException e) {
        String endpoint = url.host() + ":" + url.port();
        String reason = rootMessage(e);
        if (find(e, CertPathBuilderException.class) != null || find(e, CertPathValidatorException.class) != null) {
            return "the TLS certificate of taosAdapter at " + endpoint + " is not trusted by this worker (" + reason
                    + "); " + TRUSTSTORE_HINT;
        }
        if (find(e, CertificateException.class) != null) {
            return "the TLS certificate of taosAdapter at " + endpoint + " was refused (" + reason + "); use the host "
                    + "name the certificate names in connection.url, or reissue the certificate with " + url.host()
                    + " as a subject alternative name";
        }
        if (reason.contains("Unsupported or unrecognized SSL message")) {
            return "taosAdapter at " + endpoint + " does not answer TLS (" + reason + "): remove useSSL=true from "
                    + "connection.url, or point it at the port where TLS is served";
        }
        return "the TLS handshake with taosAdapter at " + endpoint + " failed (" + reason + ")";
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
