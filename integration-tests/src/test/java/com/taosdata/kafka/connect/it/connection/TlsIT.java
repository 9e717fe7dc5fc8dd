package com.taosdata.kafka.connect.it.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.taosdata.jdbc.rs.RestfulDriver;
import com.taosdata.kafka.connect.it.harness.ConnectWorker;
import com.taosdata.kafka.connect.it.harness.Connectors;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.standin.StandInCertificate;
import com.taosdata.kafka.connect.standin.StandInOptions;
import com.taosdata.kafka.connect.standin.TDengineStandIn;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code useSSL=true} over REST, end to end: taosAdapter's API over HTTPS (the stand-in with a certificate of its own
 * CA), a worker that trusts that CA through the JVM truststore properties the README documents, a sink writing lines
 * and a query-mode source reading them back; and a worker that does not trust it, whose validation names the
 * certificate and the truststore settings on {@code connection.url}.
 */
class TlsIT {

    private static final String SOURCE_CLASS = "com.taosdata.kafka.connect.source.TDengineSourceConnector";
    private static final int ROWS = 50;

    @TempDir
    static Path certificates;

    private static ItEnvironment env;
    private static TDengineStandIn standIn;
    private static ConnectWorker trustingWorker;

    @RegisterExtension
    final Connectors connectors = new Connectors(() -> trustingWorker.rest());

    @BeforeAll
    static void setUp() throws Exception {
        env = ItEnvironment.get();
        StandInCertificate certificate = StandInCertificate.create(certificates);
        standIn = TDengineStandIn.start(StandInOptions.defaults().withTls(certificate.serverContext()));
        trustingWorker = ConnectWorker.start(
                ConnectWorker.Version.KAFKA_4,
                env.broker().bootstrapServers(),
                "connect-tls",
                "worker-tls",
                Map.of(),
                List.of(
                        "-Djavax.net.ssl.trustStore=" + certificate.trustStore(),
                        "-Djavax.net.ssl.trustStorePassword=" + StandInCertificate.PASSWORD,
                        "-Djavax.net.ssl.trustStoreType=PKCS12"));
    }

    @AfterAll
    static void tearDown() {
        if (trustingWorker != null) {
            trustingWorker.close();
        }
        if (standIn != null) {
            standIn.close();
        }
    }

    private static Map<String, String> overTls() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connection.url", "jdbc:TAOS-RS://localhost:" + standIn.tlsPort() + "?useSSL=true");
        config.put("connection.user", standIn.user());
        config.put("connection.password", standIn.password());
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        return config;
    }

    private static Map<String, String> sink(String topic, String database) {
        Map<String, String> config = overTls();
        config.put("connector.class", SinkConfigs.SINK_CLASS);
        config.put("tasks.max", "1");
        config.put("topics", topic);
        config.put("connection.database", database);
        config.put("db.schemaless", "line");
        config.put("batch.linger.ms", "200");
        return config;
    }

    private static Map<String, String> source(String database, String prefix) {
        Map<String, String> config = overTls();
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

    @Test
    void aSinkAndASourceRunOverHttpsOnAWorkerTrustingTheCertificate() {
        String topic = ItEnvironment.unique("tls_lines");
        String database = ItEnvironment.unique("tls_db");
        String prefix = ItEnvironment.unique("tls_out");
        env.broker().createTopic(topic, 1);
        connectors.run(ItEnvironment.unique("tls-sink"), sink(topic, database), 1);

        List<String> lines = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            lines.add("meters,location=Beijing,groupid=" + (i % 5) + " current=" + i + ".5 "
                    + (1_700_000_000_000_000_000L + i));
        }
        env.broker().produce(topic, lines);
        await().atMost(Duration.ofSeconds(90)).until(() -> countOverPlainHttp(database + ".meters") == ROWS);

        connectors.run(ItEnvironment.unique("tls-source"), source(database, prefix), 1);
        assertThat(env.broker().consume(prefix + "-" + database + "-meters", ROWS, Duration.ofSeconds(90)))
                .hasSize(ROWS);
    }

    @Test
    void aWorkerThatDoesNotTrustTheCertificateFailsValidationOnTheUrlNamingTheTruststore() {
        String database = ItEnvironment.unique("tls_untrusted");
        String endpoint = "localhost:" + standIn.tlsPort();

        Map<String, String> sink = sink("t", database);
        sink.put("name", "tls-untrusted-sink");
        Map<String, String> source = source(database, "p");
        source.put("name", "tls-untrusted-source");

        Map<String, String> sinkErrors = env.worker().rest().validationErrors(SinkConfigs.SINK_CLASS, sink);
        Map<String, String> sourceErrors = env.worker().rest().validationErrors(SOURCE_CLASS, source);

        for (Map<String, String> errors : List.of(sinkErrors, sourceErrors)) {
            assertThat(errors).containsOnlyKeys("connection.url");
            assertThat(errors.get("connection.url"))
                    .contains("the TLS certificate of taosAdapter at " + endpoint + " is not trusted by this worker")
                    .contains("-Djavax.net.ssl.trustStore=");
        }
    }

    /** Read over the stand-in's plain HTTP port, so the test JVM needs no truststore of its own. */
    private static long countOverPlainHttp(String table) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", standIn.user());
        login.setProperty("password", standIn.password());
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
}
