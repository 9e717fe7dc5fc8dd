package com.taosdata.kafka.connect.it.connection;

import com.taosdata.jdbc.rs.RestfulDriver;
import com.taosdata.kafka.connect.it.harness.ConnectWorker;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.standin.StandInCertificate;
import com.taosdata.kafka.connect.standin.StandInOptions;
import com.taosdata.kafka.connect.standin.TDengineStandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the suites over TLS share: a stand-in serving HTTPS with a certificate of a test CA, a worker whose JVM trusts
 * that CA (the documented {@code KAFKA_OPTS} truststore settings), and connectors of both kinds on the HTTPS port.
 * Registered as a static extension, it runs for the suite's tests.
 */
final class TrustedHttpsStack implements BeforeAllCallback, AfterAllCallback {

    static final String SOURCE_CLASS = "com.taosdata.kafka.connect.source.TDengineSourceConnector";

    private final StandInOptions options;
    private final String name;
    private Path certificates;
    private TDengineStandIn standIn;
    private ConnectWorker worker;

    /** A stand-in started with {@code options} plus TLS, and a trusting worker of group {@code connect-<name>}. */
    TrustedHttpsStack(StandInOptions options, String name) {
        this.options = options;
        this.name = name;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        certificates = Files.createTempDirectory("tdconnect-" + name);
        StandInCertificate certificate = StandInCertificate.create(certificates);
        standIn = TDengineStandIn.start(options.withTls(certificate.serverContext()));
        worker = ConnectWorker.start(
                ConnectWorker.Version.KAFKA_4,
                ItEnvironment.get().broker().bootstrapServers(),
                "connect-" + name,
                "worker-" + name,
                Map.of(),
                List.of(
                        "-Djavax.net.ssl.trustStore=" + certificate.trustStore(),
                        "-Djavax.net.ssl.trustStorePassword=" + StandInCertificate.PASSWORD,
                        "-Djavax.net.ssl.trustStoreType=PKCS12"));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (worker != null) {
                worker.close();
            }
        } finally {
            if (standIn != null) {
                standIn.close();
            }
            deleteCertificates();
        }
    }

    /**
     * The rows of {@code table}, read over the stand-in's plain HTTP port with {@code login}, so the test JVM needs no
     * truststore of its own; 0 while the table does not exist.
     */
    long countOverPlainHttp(String table, Properties login) throws SQLException {
        try (Connection connection =
                        new RestfulDriver().connect("jdbc:TAOS-RS://127.0.0.1:" + standIn.port() + "/", login);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            return rows.next() ? rows.getLong(1) : 0;
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("not exist")) {
                return 0;
            }
            throw e;
        }
    }

    private void deleteCertificates() throws IOException {
        if (certificates == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(certificates)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    TDengineStandIn standIn() {
        return standIn;
    }

    ConnectWorker worker() {
        return worker;
    }

    /** The login keys of the stand-in's user and password. */
    Map<String, String> userLogin() {
        return Map.of("connection.user", standIn.user(), "connection.password", standIn.password());
    }

    /** A line-protocol sink of {@code topic} into {@code database} over HTTPS, logging in with {@code login}. */
    Map<String, String> sink(Map<String, String> login, String topic, String database) {
        Map<String, String> config = overTls(login);
        config.put("connector.class", SinkConfigs.SINK_CLASS);
        config.put("tasks.max", "1");
        config.put("topics", topic);
        config.put("connection.database", database);
        config.put("db.schemaless", "line");
        config.put("batch.linger.ms", "200");
        return config;
    }

    /** A query-mode source of {@code database}'s {@code meters} over HTTPS, logging in with {@code login}. */
    Map<String, String> source(Map<String, String> login, String database, String prefix) {
        Map<String, String> config = overTls(login);
        config.put("connector.class", SOURCE_CLASS);
        config.put("tasks.max", "1");
        config.put("connection.database", database);
        config.put("read.method", "query");
        config.put("stables", "meters");
        config.put("topic.prefix", prefix);
        config.put("poll.interval.ms", "500");
        config.put("topic.creation.default.replication.factor", "1");
        config.put("topic.creation.default.partitions", "1");
        return config;
    }

    private Map<String, String> overTls(Map<String, String> login) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connection.url", "jdbc:TAOS-RS://localhost:" + standIn.tlsPort() + "?useSSL=true");
        config.putAll(login);
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        return config;
    }
}
