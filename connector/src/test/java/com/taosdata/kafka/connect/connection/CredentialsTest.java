package com.taosdata.kafka.connect.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    private static final String SECRET = "never-printed-31";

    @Test
    void userAndPasswordGoToTheDriverTheConsumerAndTheAuthorizationHeader() {
        Credentials credentials = Credentials.userAndPassword("writer", new Password(SECRET));
        Properties driver = new Properties();
        Properties consumer = new Properties();

        credentials.addTo(driver);
        credentials.addToConsumer(consumer);

        assertThat(driver).containsOnlyKeys("user", "password").containsEntry("password", SECRET);
        assertThat(consumer)
                .containsOnlyKeys("td.connect.user", "td.connect.pass")
                .containsEntry("td.connect.pass", SECRET);
        assertThat(credentials.httpAuthorization())
                .contains("Basic "
                        + Base64.getEncoder().encodeToString(("writer:" + SECRET).getBytes(StandardCharsets.UTF_8)));
        assertThat(credentials.httpQueryParameter()).isEmpty();
        assertThat(credentials.isToken()).isFalse();
    }

    @Test
    void aTokenGoesToTheDriverAndTheConsumerAsTokenAndToHttpAsAnEncodedParameter() {
        Credentials credentials = Credentials.token(new Password("a b&c=" + SECRET));
        Properties driver = new Properties();
        Properties consumer = new Properties();

        credentials.addTo(driver);
        credentials.addToConsumer(consumer);

        assertThat(driver).containsOnlyKeys("token").containsEntry("token", "a b&c=" + SECRET);
        assertThat(consumer).containsOnlyKeys("token").containsEntry("token", "a b&c=" + SECRET);
        assertThat(credentials.httpAuthorization()).isEmpty();
        assertThat(credentials.httpQueryParameter()).isEqualTo("token=a+b%26c%3D" + SECRET);
        assertThat(credentials.isToken()).isTrue();
    }

    @Test
    void printingNeverShowsASecret() {
        assertThat(Credentials.userAndPassword("writer", new Password(SECRET))).hasToString("user writer");
        assertThat(Credentials.token(new Password(SECRET))).hasToString("token [hidden]");
    }
}
