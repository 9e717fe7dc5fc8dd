package com.taosdata.kafka.connect.source.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.connection.ErrorKind;
import com.taosdata.kafka.connect.connection.TDengineException;
import com.taosdata.kafka.connect.testing.FakeJdbc;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadHorizonTest {

    private static final long WORKER_NOW = 5_000_000;

    private static List<Object[]> serverNow(long ms) {
        return Collections.singletonList(new Object[] {new Timestamp(ms)});
    }

    @Test
    void withoutDelayReadsUpToTheWorkersNowWithoutAskingTheServer() {
        FakeJdbc jdbc = new FakeJdbc();
        assertThat(new ReadHorizon(0).untilMs(jdbc.connection(), WORKER_NOW)).isEqualTo(WORKER_NOW);
        assertThat(jdbc.statements()).isEmpty();
    }

    @Test
    void withDelayReadsUpToTheServersNowMinusTheDelay() {
        FakeJdbc jdbc = new FakeJdbc().thenRows(serverNow(4_000_000));
        long until = new ReadHorizon(30_000).untilMs(jdbc.connection(), WORKER_NOW);
        assertThat(jdbc.statements()).containsExactly("SELECT NOW()");
        assertThat(until).as("the server's clock, whatever the worker's says").isEqualTo(4_000_000 - 30_000);
    }

    @Test
    void serverClockIsReadOncePerRound() {
        FakeJdbc jdbc = new FakeJdbc().thenRows(serverNow(4_000_000)).thenRows(serverNow(4_000_700));
        ReadHorizon horizon = new ReadHorizon(1000);
        horizon.newRound();
        horizon.untilMs(jdbc.connection(), WORKER_NOW);
        assertThat(horizon.untilMs(jdbc.connection(), WORKER_NOW + 500))
                .as("same round: the reading taken before")
                .isEqualTo(3_999_000);
        horizon.newRound();
        assertThat(horizon.untilMs(jdbc.connection(), WORKER_NOW + 700)).isEqualTo(3_999_700);
        assertThat(jdbc.statements()).containsExactly("SELECT NOW()", "SELECT NOW()");
    }

    @Test
    void failedClockReadingIsATDengineErrorNamingTheQuery() {
        FakeJdbc jdbc = new FakeJdbc().thenFail(new SQLException("connection reset", "08000", 0));
        assertThatThrownBy(() -> new ReadHorizon(1000).untilMs(jdbc.connection(), WORKER_NOW))
                .isInstanceOfSatisfying(
                        TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT))
                .hasMessageContaining("SELECT NOW()");
    }
}
