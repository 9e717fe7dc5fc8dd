package com.taosdata.kafka.connect.it.connection;

import com.taosdata.kafka.connect.it.harness.ConnectWorker;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.standin.StandInCertificate;
import com.taosdata.kafka.connect.standin.StandInOptions;
import com.taosdata.kafka.connect.standin.TDengineStandIn;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the suites over TLS share: a stand-in serving HTTPS with a certificate of a test CA, a worker whose JVM trusts
 * that CA (the documented {@code KAFKA_OPTS} truststore settings), and connectors of both kinds on the HTTPS port.
 */
final class TrustedHttpsStack implements AutoCloseable {

    static final String SOURCE_CLASS = "com.taosdata.kafka.connect.source.TDengineSourceConnector";

    final TDengineStandIn standIn;
    final ConnectWorker worker;

    private TrustedHttpsStack(TDengineStandIn standIn, ConnectWorker worker) {
        this.standIn = standIn;
        this.worker = worker;
    }

    /** Starts the stand-in with {@code options} plus TLS, and a trusting worker of group {@code connect-<name>}. */
    static TrustedHttpsStack start(Path certificates, StandInOptions options, String name) throws Exception {
        StandInCertificate certificate = StandInCertificate.create(certificates);
        TDengineStandIn standIn = TDengineStandIn.start(options.withTls(certificate.serverContext()));
        try {
            ConnectWorker worker = ConnectWorker.start(
                    ConnectWorker.Version.KAFKA_4,
                    ItEnvironment.get().broker().bootstrapServers(),
                    "connect-" + name,
                    "worker-" + name,
                    Map.of(),
                    List.of(
                            "-Djavax.net.ssl.trustStore=" + certificate.trustStore(),
                            "-Djavax.net.ssl.trustStorePassword=" + StandInCertificate.PASSWORD,
                            "-Djavax.net.ssl.trustStoreType=PKCS12"));
            return new TrustedHttpsStack(standIn, worker);
        } catch (Exception | Error e) {
            standIn.close();
            throw e;
        }
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

    @Override
    public void close() {
        try {
            worker.close();
        } finally {
            standIn.close();
        }
    }
}
