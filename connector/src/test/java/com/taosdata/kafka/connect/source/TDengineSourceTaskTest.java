package com.taosdata.kafka.connect.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.source.read.SourceReader;
import com.taosdata.kafka.connect.source.table.SourceTable;
import com.taosdata.kafka.connect.source.table.TableAssignment;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.JMException;
import javax.management.ObjectName;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class TDengineSourceTaskTest {

    private final List<SourceRecord> acknowledged = new ArrayList<>();
    private final List<List<SourceTable>> assigned = new ArrayList<>();
    private boolean closed;
    private final SourceRecord record = new SourceRecord(Map.of(), Map.of(), "t", Schema.STRING_SCHEMA, "v");

    private final TDengineSourceTask task = new TDengineSourceTask((config, tables, taskId, context, metrics) -> {
        assigned.add(tables);
        return new SourceReader() {
            @Override
            public List<SourceRecord> poll() {
                return List.of(record);
            }

            @Override
            public void acknowledge(SourceRecord r) {
                acknowledged.add(r);
            }

            @Override
            public void close() {
                closed = true;
            }
        };
    });

    private void start() {
        Map<String, String> props = new HashMap<>();
        props.put("connection.url", "jdbc:TAOS-WS://localhost:6041");
        props.put("connection.database", "power");
        props.put("read.method", "query");
        props.put("name", "source-task-test");
        props.put(TableAssignment.TASK_TABLES_CONFIG, TableAssignment.encode(List.of(new SourceTable("d1", "meters"))));
        task.start(props);
    }

    @Test
    void readsTheAssignedTables() throws Exception {
        start();
        assertThat(assigned).containsExactly(List.of(new SourceTable("d1", "meters")));
        assertThat(task.poll()).containsExactly(record);
    }

    @Test
    void kafkaAcknowledgementsReachTheReader() {
        start();
        task.commitRecord(record, null);
        assertThat(acknowledged).containsExactly(record);
    }

    @Test
    void stopClosesTheReaderAndIsSafeBeforeStart() {
        task.stop();
        start();
        task.stop();
        assertThat(closed).isTrue();
    }

    @Test
    void theTasksMetricsAreOnJmxWhileItRunsAndGoneAfterStop() throws JMException {
        start();
        assertThat(beans())
                .containsExactly(
                        new ObjectName("tdconnect:type=source-task-metrics,connector=source-task-test,task=0"));

        task.stop();

        assertThat(beans()).isEmpty();
    }

    @Test
    void aTaskWhoseReaderCannotStartLeavesNoMetricsBehind() throws JMException {
        TDengineSourceTask failing = new TDengineSourceTask((config, tables, taskId, context, metrics) -> {
            throw new ConnectException("no TDengine");
        });
        Map<String, String> props = new HashMap<>(Map.of(
                "connection.url",
                "jdbc:TAOS-WS://localhost:6041",
                "connection.database",
                "power",
                "read.method",
                "query",
                "name",
                "source-task-test"));

        assertThatThrownBy(() -> failing.start(props)).hasMessage("no TDengine");
        assertThat(beans()).isEmpty();
    }

    private static Set<ObjectName> beans() throws JMException {
        return ManagementFactory.getPlatformMBeanServer()
                .queryNames(new ObjectName("tdconnect:connector=source-task-test,*"), null);
    }
}
