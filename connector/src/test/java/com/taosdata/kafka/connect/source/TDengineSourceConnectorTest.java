package com.taosdata.kafka.connect.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import com.taosdata.kafka.connect.source.config.TDengineSourceConfig;
import com.taosdata.kafka.connect.source.table.SourceTable;
import com.taosdata.kafka.connect.source.table.TableAssignment;
import com.taosdata.kafka.connect.source.table.TableLister;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.ConnectorContext;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TDengineSourceConnectorTest {

    private final AtomicBoolean closed = new AtomicBoolean();
    private List<SourceTable> tables = List.of(
            new SourceTable("d1", "meters"),
            new SourceTable("d2", "meters"),
            new SourceTable("d3", "meters"),
            SourceTable.normal("notes"));
    private final TDengineSourceConnector connector = new TDengineSourceConnector(config -> new TableLister() {
        @Override
        public List<SourceTable> list() {
            return tables;
        }

        @Override
        public void close() {
            closed.set(true);
        }
    });

    private static Map<String, String> props(String method) {
        Map<String, String> props = new HashMap<>();
        props.put("connection.url", "jdbc:TAOS-WS://localhost:6041");
        props.put("connection.database", "power");
        props.put("read.method", method);
        props.put("subscription.group.id", "g1");
        props.put("poll.interval.ms", "60000");
        return props;
    }

    private void start(String method) {
        connector.initialize(mock(ConnectorContext.class));
        connector.start(props(method));
    }

    @AfterEach
    void stop() {
        connector.stop();
    }

    @Test
    void queryModeSpreadsTablesOverTasks() {
        start("query");
        List<Map<String, String>> configs = connector.taskConfigs(2);
        assertThat(configs).hasSize(2);
        assertThat(TableAssignment.decode(configs.get(0).get(TableAssignment.TASK_TABLES_CONFIG)))
                .extracting(SourceTable::name)
                .containsExactly("d1", "d3");
        assertThat(TableAssignment.decode(configs.get(1).get(TableAssignment.TASK_TABLES_CONFIG)))
                .extracting(SourceTable::name)
                .containsExactly("d2", "notes");
        assertThat(configs)
                .extracting(c -> c.get(TableAssignment.TASK_ID_CONFIG))
                .containsExactly("0", "1");
        assertThat(configs.get(0)).containsEntry("connection.database", "power");
    }

    @Test
    void neverMoreTasksThanTables() {
        start("query");
        assertThat(connector.taskConfigs(10)).hasSize(4);
    }

    @Test
    void noTablesNoTasks() {
        tables = List.of();
        start("query");
        assertThat(connector.taskConfigs(3)).isEmpty();
    }

    @Test
    void subscriptionModeGivesEveryTaskEveryTopicSoTmqCanBalanceVgroups() {
        start("subscription");
        List<Map<String, String>> configs = connector.taskConfigs(3);
        assertThat(configs).hasSize(3);
        assertThat(configs)
                .allSatisfy(c -> assertThat(TableAssignment.decode(c.get(TableAssignment.TASK_TABLES_CONFIG)))
                        .hasSize(4));
    }

    @Test
    void startRejectsBrokenCrossKeyRules() {
        Map<String, String> props = props("subscription");
        props.remove("subscription.group.id");
        connector.initialize(mock(ConnectorContext.class));
        assertThatThrownBy(() -> connector.start(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("subscription.group.id");
    }

    @Test
    void stopReleasesTheConnection() {
        start("query");
        connector.stop();
        assertThat(closed).isTrue();
    }

    @Test
    void exactlyOnceInBothReadMethods() {
        assertThat(connector.exactlyOnceSupport(props("query"))).isEqualTo(ExactlyOnceSupport.SUPPORTED);
        assertThat(connector.exactlyOnceSupport(props("subscription"))).isEqualTo(ExactlyOnceSupport.SUPPORTED);
        assertThat(connector.exactlyOnceSupport(Map.of())).isEqualTo(ExactlyOnceSupport.SUPPORTED);
    }

    @Test
    void exposesTheFullConfigDef() {
        assertThat(connector.config()).isSameAs(TDengineSourceConfig.CONFIG_DEF);
        assertThat(connector.config().names())
                .contains(
                        "connection.url",
                        "connection.database",
                        "topic.prefix",
                        "topic.delimiter",
                        "topic.per.stable",
                        "topic.ignore.db",
                        "timestamp.initial",
                        "poll.interval.ms",
                        "fetch.max.rows",
                        "query.interval.ms",
                        "timestamp.delay.interval.ms",
                        "out.format",
                        "data.precision",
                        "read.method",
                        "subscription.group.id",
                        "subscription.from",
                        "stables",
                        "tables");
        assertThat(connector.taskClass()).isEqualTo(TDengineSourceTask.class);
    }
}
