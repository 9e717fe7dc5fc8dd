package com.taosdata.kafka.connect.source.tmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.taosdata.kafka.connect.connection.ConnectionFactory;
import com.taosdata.kafka.connect.connection.TDengineSession;
import com.taosdata.kafka.connect.metrics.SourceTaskMetrics;
import com.taosdata.kafka.connect.source.config.TDengineSourceConfig;
import com.taosdata.kafka.connect.source.table.SourceTable;
import com.taosdata.kafka.connect.testing.FakeJdbc;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.Test;

class SubscriptionReadersTest {

    private final FakeJdbc jdbc = new FakeJdbc();
    private final FakeTmqConsumer consumer = new FakeTmqConsumer();
    private final List<Properties> consumerProperties = new ArrayList<>();

    private SubscriptionReader create(SourceTable... tables) {
        ConnectionFactory factory = mock(ConnectionFactory.class);
        when(factory.open(any())).thenAnswer(invocation -> jdbc.connection());
        Map<String, String> props = new HashMap<>(Map.of(
                "connection.url",
                "jdbc:TAOS-WS://h:6041",
                "connection.database",
                "power",
                "subscription.group.id",
                "g1",
                "subscription.from",
                "earliest"));
        return SubscriptionReaders.create(
                new TDengineSourceConfig(props),
                List.of(tables),
                "3",
                mock(OffsetStorageReader.class),
                millis -> {},
                properties -> {
                    consumerProperties.add(properties);
                    return consumer;
                },
                new TDengineSession(factory, "power"),
                SourceTaskMetrics.unpublished(Time.SYSTEM, true));
    }

    @Test
    void createsATopicPerSuperTableAndSubscribesOneConsumerOfTheGroup() {
        jdbc.thenRows(Collections.singletonList(new Object[] {"ms"}))
                .thenRows(List.of(new Object[] {"ts", "TIMESTAMP", 8, ""}, new Object[] {"loc", "NCHAR", 8, "TAG"}))
                .thenRows(List.of())
                .thenRows(Collections.singletonList(new Object[] {
                    "create topic if not exists tdconnect_power_meters as "
                            + "select tbname,`ts`,`loc` from `power`.`meters`;"
                }));
        create(SourceTable.superTable("meters"));
        assertThat(jdbc.statements())
                .contains(
                        "CREATE TOPIC IF NOT EXISTS `tdconnect_power_meters` AS SELECT tbname,`ts`,`loc` FROM `power`.`meters`");
        assertThat(consumer.subscribed).containsExactly("tdconnect_power_meters");
        assertThat(consumerProperties).singleElement().satisfies(p -> {
            assertThat(p.getProperty("group.id")).isEqualTo("g1");
            assertThat(p.getProperty("client.id")).isEqualTo("g1-3");
            assertThat(p.getProperty("auto.offset.reset")).isEqualTo("earliest");
        });
    }

    @Test
    void superTableDroppedSinceListedIsNotSubscribed() {
        jdbc.thenRows(Collections.singletonList(new Object[] {"ms"}))
                .thenFail(new SQLException("Table does not exist", "42000", 0x80002603))
                .thenRows(List.of(new Object[] {"ts", "TIMESTAMP", 8, ""}, new Object[] {"v", "INT", 4, ""}))
                .thenRows(List.of());
        create(SourceTable.superTable("gone"), SourceTable.normal("notes"));
        assertThat(consumer.subscribed).containsExactly("tdconnect_power_notes");
    }

    @Test
    void aTopicWithoutTheTableNameColumnIsRefusedNamingHowToRecreateIt() {
        jdbc.thenRows(Collections.singletonList(new Object[] {"ms"}))
                .thenRows(List.of(new Object[] {"ts", "TIMESTAMP", 8, ""}, new Object[] {"loc", "NCHAR", 8, "TAG"}))
                .thenRows(List.of())
                .thenRows(Collections.singletonList(new Object[] {
                    "create topic if not exists tdconnect_power_meters as " + "select `ts`,`loc` from `power`.`meters`;"
                }));
        assertThatThrownBy(() -> create(SourceTable.superTable("meters")))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("DROP TOPIC `tdconnect_power_meters`")
                .hasMessageContaining("AS SELECT tbname,`ts`,`loc` FROM `power`.`meters`");
        assertThat(consumer.subscribed).isEmpty();
    }
}
