package com.taosdata.kafka.connect.it.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.taosdata.kafka.connect.it.harness.ConnectRest;
import com.taosdata.kafka.connect.it.harness.Connectors;
import com.taosdata.kafka.connect.it.harness.ItEnvironment;
import com.taosdata.kafka.connect.it.harness.SinkConfigs;
import com.taosdata.kafka.connect.standin.StandInOptions;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code connection.token}, end to end, on the stand-in logging in as TDengine Cloud does (the {@code token} query
 * parameter only, over HTTPS; the community taosAdapter refuses token-only logins): a REST sink writes the tutorial's
 * lines through its HTTP schemaless writer and a query-mode source reads them back, neither with a user or password;
 * a wrong token is a validation error on {@code connection.token}; and neither token's value reaches the worker's
 * log, a validation message or a task's status.
 */
class TokenLoginIT {

    private static final String TOKEN = "c1d2e3f4a5b6c7d8e9f0tokenlogin";
    private static final String WRONG_TOKEN = "0f9e8d7c6b5a4f3e2d1cwrongtoken";
    private static final List<String> LINES = List.of(
            "meters,location=Beijing.Haidian,groupid=2 current=11.8,voltage=221,phase=0.28 1648432611249000000",
            "meters,location=Beijing.Haidian,groupid=2 current=13.4,voltage=223,phase=0.29 1648432611250000000",
            "meters,location=Beijing.Haidian,groupid=3 current=10.8,voltage=223,phase=0.29 1648432611249000000",
            "meters,location=Beijing.Haidian,groupid=3 current=11.3,voltage=221,phase=0.35 1648432611250000000");

    @RegisterExtension
    static final TrustedHttpsStack stack =
            new TrustedHttpsStack(StandInOptions.defaults().withToken(TOKEN), "token");

    @RegisterExtension
    final Connectors connectors = new Connectors(() -> stack.worker().rest());

    private final ItEnvironment env = ItEnvironment.get();

    private static Map<String, String> sink(String token, String topic, String database) {
        return stack.sink(Map.of("connection.token", token), topic, database);
    }

    private static Map<String, String> source(String token, String database, String prefix) {
        return stack.source(Map.of("connection.token", token), database, prefix);
    }

    @Test
    void aRestSinkAndAQuerySourceLogInByTokenOnly() throws Exception {
        String topic = ItEnvironment.unique("token_meters");
        String database = ItEnvironment.unique("token_power");
        String prefix = ItEnvironment.unique("token_out");
        env.broker().createTopic(topic, 1);
        String sinkName = ItEnvironment.unique("token-sink");
        connectors.run(sinkName, sink(TOKEN, topic, database), 1);

        env.broker().produce(topic, LINES);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> stack.countOverPlainHttp(database + ".meters", tokenLogin()) == LINES.size());

        String sourceName = ItEnvironment.unique("token-source");
        connectors.run(sourceName, source(TOKEN, database, prefix), 1);
        assertThat(env.broker().consume(prefix + "-" + database + "-meters", LINES.size(), Duration.ofSeconds(90)))
                .hasSize(LINES.size());

        for (String name : List.of(sinkName, sourceName)) {
            assertThat(stack.worker().rest().status(name).toString()).doesNotContain(TOKEN);
        }
        assertThat(Files.readString(stack.worker().logFile().toPath()))
                .as("the worker's whole log")
                .doesNotContain(TOKEN);
    }

    @Test
    void aWrongTokenIsAValidationErrorOnConnectionTokenThatNeverShowsTheToken() throws Exception {
        String database = ItEnvironment.unique("token_wrong");
        Map<String, String> sink = sink(WRONG_TOKEN, "t", database);
        sink.put("name", "token-wrong-sink");
        Map<String, String> source = source(WRONG_TOKEN, database, "p");
        source.put("name", "token-wrong-source");

        ConnectRest rest = stack.worker().rest();
        for (Map<String, String> errors : List.of(
                rest.validationErrors(SinkConfigs.SINK_CLASS, sink),
                rest.validationErrors(TrustedHttpsStack.SOURCE_CLASS, source))) {
            assertThat(errors).containsOnlyKeys("connection.token");
            assertThat(errors.get("connection.token"))
                    .contains("TDengine rejected the token")
                    .contains("Authentication failure")
                    .doesNotContain(WRONG_TOKEN)
                    .doesNotContain(TOKEN);
        }

        // Creating the connector runs the same validation: refused at once, no task is started to fail or hang.
        String name = ItEnvironment.unique("token-wrong");
        Map<String, String> named = new LinkedHashMap<>(sink);
        named.put("name", name);
        ConnectRest.Answer created = rest.call("PUT", "/connectors/" + name + "/config", named);
        assertThat(created.status()).isEqualTo(400);
        JsonNode body = created.body();
        assertThat(body.toString()).contains("TDengine rejected the token").doesNotContain(WRONG_TOKEN);
        assertThat(rest.status(name)).isNull();

        assertThat(Files.readString(stack.worker().logFile().toPath()))
                .as("the worker's whole log")
                .doesNotContain(WRONG_TOKEN)
                .doesNotContain(TOKEN);
    }

    private static Properties tokenLogin() {
        Properties login = new Properties();
        login.setProperty("token", TOKEN);
        return login;
    }
}
