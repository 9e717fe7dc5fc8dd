package com.taosdata.kafka.connect.source.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.connection.ErrorKind;
import com.taosdata.kafka.connect.connection.TDengineException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TableMonitorTest {

    private final AtomicInteger reconfigurations = new AtomicInteger();
    private final List<RuntimeException> failures = new ArrayList<>();
    private final List<Object> answers = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private TableMonitor monitor(List<SourceTable> initial) {
        return new TableMonitor(
                initial,
                () -> {
                    Object next = answers.remove(0);
                    if (next instanceof RuntimeException) {
                        throw (RuntimeException) next;
                    }
                    return (List<SourceTable>) next;
                },
                10,
                reconfigurations::incrementAndGet,
                failures::add);
    }

    @Test
    void newSubtableTriggersReconfiguration() {
        TableMonitor monitor = monitor(List.of(new SourceTable("d1", "meters")));
        answers.add(List.of(new SourceTable("d1", "meters")));
        answers.add(List.of(new SourceTable("d1", "meters"), new SourceTable("d2", "meters")));
        assertThat(monitor.checkOnce()).isTrue();
        assertThat(reconfigurations).hasValue(0);
        assertThat(monitor.checkOnce()).isTrue();
        assertThat(reconfigurations).hasValue(1);
        assertThat(monitor.current()).hasSize(2);
    }

    @Test
    void transientFailureIsRetriedAtTheNextCheck() {
        TableMonitor monitor = monitor(List.of());
        answers.add(TDengineException.transientFailure("timeout", null));
        assertThat(monitor.checkOnce()).isTrue();
        assertThat(failures).isEmpty();
    }

    @Test
    void fatalFailureIsRaisedToTheConnector() {
        TableMonitor monitor = monitor(List.of());
        TDengineException fatal = new TDengineException(0x0388, ErrorKind.FATAL, "database dropped", null);
        answers.add(fatal);
        assertThat(monitor.checkOnce()).isFalse();
        assertThat(failures).containsExactly(fatal);
    }

    @Test
    void runStopsWhenAsked() throws Exception {
        TableMonitor monitor = monitor(List.of());
        for (int i = 0; i < 1000; i++) {
            answers.add(List.of());
        }
        Thread thread = new Thread(monitor);
        thread.start();
        monitor.stop();
        thread.join(2000);
        assertThat(thread.isAlive()).isFalse();
    }
}
