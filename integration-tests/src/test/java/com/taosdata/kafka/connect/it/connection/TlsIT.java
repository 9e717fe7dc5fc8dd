package com.taosdata.kafka.connect.it.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.taosdata.kafka.connect.it.harness.Connectors;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.standin.StandInOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code useSSL=true} over REST, end to end: taosAdapter's API over HTTPS (the stand-in with a certificate of its own
 * CA), a worker that trusts that CA through the JVM truststore properties the README documents, a sink writing lines
 * and a query-mode source reading them back; and a worker that does not trust it, whose validation names the
 * certificate and the truststore settings on {@code connection.url}.
 */
class TlsIT {

    private static final int ROWS = 50;

    @RegisterExtension
    static final TrustedHttpsStack stack = new TrustedHttpsStack(StandInOptions.defaults(), "tls");

    @RegisterExtension
    final Connectors connectors = new Connectors(() -> stack.worker().rest());

    private final ItEnvironment env = ItEnvironment.get();

    private static Map<String, String> sink(String topic, String database) {
        return stack.sink(stack.userLogin(), topic, database);
    }

    private static Map<String, String> source(String database, String prefix) {
        return stack.source(stack.userLogin(), database, prefix);
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
        await().atMost(Duration.ofSeconds(90))
                .until(() -> stack.countOverPlainHttp(database + ".meters", login()) == ROWS);

        connectors.run(ItEnvironment.unique("tls-source"), source(database, prefix), 1);
        assertThat(env.broker().consume(prefix + "-" + database + "-meters", ROWS, Duration.ofSeconds(90)))
                .hasSize(ROWS);
    }

    @Test
    void aWorkerThatDoesNotTrustTheCertificateFailsValidationOnTheUrlNamingTheTruststore() {
        String database = ItEnvironment.unique("tls_untrusted");
        String endpoint = "localhost:" + stack.standIn().tlsPort();

        Map<String, String> sink = sink("t", database);
        sink.put("name", "tls-untrusted-sink");
        Map<String, String> source = source(database, "p");
        source.put("name", "tls-untrusted-source");

        Map<String, String> sinkErrors = env.worker().rest().validationErrors(SinkConfigs.SINK_CLASS, sink);
        Map<String, String> sourceErrors = env.worker().rest().validationErrors(TrustedHttpsStack.SOURCE_CLASS, source);

        for (Map<String, String> errors : List.of(sinkErrors, sourceErrors)) {
            assertThat(errors).containsOnlyKeys("connection.url");
            assertThat(errors.get("connection.url"))
                    .contains("the TLS certificate of taosAdapter at " + endpoint + " is not trusted by this worker")
                    .contains("-Djavax.net.ssl.trustStore=");
        }
    }

    private static Properties login() {
        Properties login = new Properties();
        login.setProperty("user", stack.standIn().user());
        login.setProperty("password", stack.standIn().password());
        return login;
    }
}
