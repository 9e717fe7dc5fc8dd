package com.taosdata.kafka.connect.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TDengineUrlTest {

    private static final String KEY = "connection.url";

    @Test
    void nativeUrlDefaultsToPort6030() {
        TDengineUrl url = TDengineUrl.parse(KEY, "jdbc:TAOS://td1");

        assertThat(url.transport()).isEqualTo(Transport.NATIVE);
        assertThat(url.host()).isEqualTo("td1");
        assertThat(url.port()).isEqualTo(6030);
    }

    @Test
    void webSocketUrlDefaultsToPort6041() {
        TDengineUrl url = TDengineUrl.parse(KEY, "jdbc:TAOS-WS://td1");

        assertThat(url.transport()).isEqualTo(Transport.WEBSOCKET);
        assertThat(url.port()).isEqualTo(6041);
    }

    @Test
    void restUrlDefaultsToPort6041() {
        TDengineUrl url = TDengineUrl.parse(KEY, "jdbc:TAOS-RS://td1");

        assertThat(url.transport()).isEqualTo(Transport.REST);
        assertThat(url.port()).isEqualTo(6041);
    }

    @Test
    void explicitPortWins() {
        assertThat(TDengineUrl.parse(KEY, "jdbc:TAOS-WS://td1:7041").port()).isEqualTo(7041);
    }

    @Test
    void schemeIsCaseInsensitiveAndSurroundingBlanksAreIgnored() {
        TDengineUrl url = TDengineUrl.parse(KEY, "  jdbc:taos-rs://td1:6041  ");

        assertThat(url.transport()).isEqualTo(Transport.REST);
        assertThat(url.jdbcUrl(null)).isEqualTo("jdbc:TAOS-RS://td1:6041/");
    }

    @Test
    void aTrailingSlashIsAccepted() {
        assertThat(TDengineUrl.parse(KEY, "jdbc:TAOS-WS://td1:6041/").host()).isEqualTo("td1");
    }

    @Test
    void parametersAreKeptInOrderAndPassedToTheDriver() {
        TDengineUrl url = TDengineUrl.parse(KEY, "jdbc:TAOS-WS://td1:6041?useSSL=true&timezone=UTC&flag");

        assertThat(url.parameters())
                .containsExactly(entry("useSSL", "true"), entry("timezone", "UTC"), entry("flag", ""));
        assertThat(url.useSsl()).isTrue();
        assertThat(url.jdbcUrl("power")).isEqualTo("jdbc:TAOS-WS://td1:6041/power?useSSL=true&timezone=UTC&flag");
    }

    @Test
    void httpBaseUrlFollowsUseSsl() {
        assertThat(TDengineUrl.parse(KEY, "jdbc:TAOS-RS://td1").httpBaseUrl()).isEqualTo("http://td1:6041");
        assertThat(TDengineUrl.parse(KEY, "jdbc:TAOS-RS://td1:443?useSSL=true").httpBaseUrl())
                .isEqualTo("https://td1:443");
    }

    @Test
    void toStringIsTheUrlWithoutDatabase() {
        assertThat(TDengineUrl.parse(KEY, "jdbc:TAOS://td1:6030")).hasToString("jdbc:TAOS://td1:6030/");
    }

    @Test
    void bracketedIpv6HostsKeepTheirColons() {
        TDengineUrl withPort = TDengineUrl.parse(KEY, "jdbc:TAOS-RS://[::1]:7041");
        TDengineUrl withoutPort = TDengineUrl.parse(KEY, "jdbc:TAOS-RS://[::1]");

        assertThat(withPort.host()).isEqualTo("[::1]");
        assertThat(withPort.port()).isEqualTo(7041);
        assertThat(withPort.httpBaseUrl()).isEqualTo("http://[::1]:7041");
        assertThat(withoutPort.host()).isEqualTo("[::1]");
        assertThat(withoutPort.port()).isEqualTo(6041);
    }

    @Test
    void nativeUrlMayOmitTheHostToUseTheClientConfiguration() {
        TDengineUrl url = TDengineUrl.parse(KEY, "jdbc:TAOS://");

        assertThat(url.host()).isEmpty();
        assertThat(url.port()).isEqualTo(6030);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:TAOS-WS://", "jdbc:TAOS-RS://:6041"})
    void adapterUrlsNeedAHost(String value) {
        assertThatThrownBy(() -> TDengineUrl.parse(KEY, value))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(KEY)
                .hasMessageContaining("needs a host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:mysql://h:3306", "http://h:6041", "jdbc:TAOS-XX://h:6041", "td1:6041"})
    void unknownSchemesAreRefusedWithTheThreeAlternatives(String value) {
        assertThatThrownBy(() -> TDengineUrl.parse(KEY, value))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(KEY)
                .hasMessageContaining("unknown scheme")
                .hasMessageContaining("jdbc:TAOS://")
                .hasMessageContaining("jdbc:TAOS-WS://")
                .hasMessageContaining("jdbc:TAOS-RS://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aBlankUrlIsRequired(String value) {
        assertThatThrownBy(() -> TDengineUrl.parse(KEY, value))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("required");
        assertThatThrownBy(() -> TDengineUrl.parse(KEY, null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("required");
    }

    @Test
    void aDatabaseInThePathIsRefusedPointingToConnectionDatabase() {
        assertThatThrownBy(() -> TDengineUrl.parse(KEY, "jdbc:TAOS-WS://td1:6041/power"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("connection.database");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:TAOS-WS://td1:abc", "jdbc:TAOS-WS://td1:"})
    void aNonNumericPortIsRefused(String value) {
        assertThatThrownBy(() -> TDengineUrl.parse(KEY, value))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not a number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:TAOS-WS://td1:0", "jdbc:TAOS-WS://td1:65536"})
    void anOutOfRangePortIsRefused(String value) {
        assertThatThrownBy(() -> TDengineUrl.parse(KEY, value))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("out of range");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:TAOS-WS://td1:6041?user=root&password=s3cr3t-pw",
                "jdbc:TAOS-WS://td1:6041?PASSWORD=s3cr3t-pw",
                "jdbc:TAOS-RS://root:s3cr3t-pw@td1:6041",
                "jdbc:TAOS://root:s3cr3t-pw@td1",
                "jdbc:mysql://td1:3306/db?password=s3cr3t-pw"
            })
    void credentialsInTheUrlAreRefusedWithoutRepeatingThem(String value) {
        assertThatThrownBy(() -> TDengineUrl.parse(KEY, value))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(KEY)
                .hasMessageContaining("connection.password")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t-pw"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:TAOS-WS://gw.cloud.taosdata.com:443?useSSL=true&token=s3cr3t-tok",
                "jdbc:TAOS-RS://gw.cloud.taosdata.com?TOKEN=s3cr3t-tok&useSSL=true"
            })
    void aTokenInTheUrlIsRefusedWithoutRepeatingIt(String value) {
        assertThatThrownBy(() -> TDengineUrl.parse(KEY, value))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(KEY)
                .hasMessageContaining("use connection.token")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t-tok"));
    }

    @Test
    void anAtSignAfterTheHostIsNotMistakenForCredentials() {
        TDengineUrl url = TDengineUrl.parse(KEY, "jdbc:TAOS-WS://td1:6041?tag=a@b");

        assertThat(url.parameters()).containsEntry("tag", "a@b");
    }
}
