package com.taosdata.kafka.connect.source.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.schemas.TimestampUnit;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class TDengineSourceConfigTest {

    private static TDengineSourceConfig config(Map<String, String> extra) {
        Map<String, String> props =
                new HashMap<>(Map.of("connection.url", "jdbc:TAOS-WS://h:6041", "connection.database", "power"));
        props.putAll(extra);
        return new TDengineSourceConfig(props);
    }

    @Test
    void defaultsFollowTdengineDocumentation() {
        TDengineSourceConfig config = config(Map.of());
        assertThat(config.readMethod()).isEqualTo(ReadMethod.SUBSCRIPTION);
        assertThat(config.subscriptionFrom()).isEqualTo(SubscriptionFrom.LATEST);
        assertThat(config.outFormat()).isEqualTo(OutFormat.LINE);
        assertThat(config.pollIntervalMs()).isEqualTo(1000);
        assertThat(config.fetchMaxRows()).isEqualTo(100);
        assertThat(config.queryIntervalMs()).isZero();
        assertThat(config.timestampDelayIntervalMs())
                .as("no delay: read up to now")
                .isZero();
        assertThat(config.outputPrecision()).isEqualTo(TimestampUnit.NS);
        assertThat(config.stables()).isEmpty();
        assertThat(config.tables()).isEmpty();
        assertThat(config.initialTimestamp(ZoneId.of("UTC"))).isNull();
        assertThat(config.topicNaming().topicFor("meters")).isEqualTo("power-meters");
    }

    @Test
    void databaseIsFoldedToLowerCaseAsTdengineStoresIt() {
        assertThat(config(Map.of("connection.database", " Power ")).database()).isEqualTo("power");
    }

    @Test
    void includeListsAreTrimmed() {
        TDengineSourceConfig config = config(Map.of("stables", " meters , weather,", "tables", "notes"));
        assertThat(config.stables()).containsExactly("meters", "weather");
        assertThat(config.tables()).containsExactly("notes");
    }

    @Test
    void initialTimestampIsReadInTheGivenZoneOrWithItsOffset() {
        assertThat(config(Map.of("timestamp.initial", "2024-01-01 08:00:00"))
                        .initialTimestamp(ZoneId.of("Asia/Shanghai")))
                .isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(config(Map.of("timestamp.initial", "2024-01-01 08:00:00+08:00"))
                        .initialTimestamp(ZoneId.of("UTC")))
                .isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void badInitialTimestampNamesTheFormat() {
        assertThatThrownBy(() -> config(Map.of("timestamp.initial", "yesterday")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("yyyy-MM-dd HH:mm:ss");
    }
}
