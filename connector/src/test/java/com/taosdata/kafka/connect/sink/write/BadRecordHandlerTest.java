package com.taosdata.kafka.connect.sink.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.metrics.SinkTaskMetrics;
import com.taosdata.kafka.connect.sink.record.SinkRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class BadRecordHandlerTest {

    private final List<Map.Entry<SinkRecord, Throwable>> reported = new ArrayList<>();
    private final ErrantRecordReporter reporter = (record, error) -> {
        reported.add(Map.entry(record, error));
        return CompletableFuture.completedFuture(null);
    };
    private final SinkTaskMetrics metrics = SinkTaskMetrics.unpublished(Time.SYSTEM);
    private final SinkRecord record = SinkRecords.record("meters", 1, 99, "m,t= f=1");

    @Test
    void withToleranceAllTheRecordGoesToTheReporterWithItsReasonAndIsCounted() {
        DataException reason =
                new DataException("record meters-1@99 rejected by TDengine: TDengine error 0x80003002: invalid data");

        new BadRecordHandler(reporter, true, metrics).handle(record, reason);

        assertThat(reported).containsExactly(Map.entry(record, reason));
        assertThat(metrics.value("records-dead-lettered-total")).isEqualTo(1.0);
    }

    @Test
    void withoutToleranceTheTaskFailsNamingTheRecordAndTheReason() {
        DataException reason = new DataException("TDengine error 0x8000060b: Timestamp data out of range");

        assertThatThrownBy(() -> new BadRecordHandler(reporter, false, metrics).handle(record, reason))
                .isInstanceOf(ConnectException.class)
                .hasMessageStartingWith(
                        "record meters-1@99 rejected: TDengine error 0x8000060b: Timestamp data out of range")
                .hasMessageContaining("errors.tolerance=all")
                .hasCause(reason);
        assertThat(reported).isEmpty();
        assertThat(metrics.value("records-dead-lettered-total")).isZero();
    }

    @Test
    void aReasonThatAlreadyNamesTheRecordIsNotPrefixedTwice() {
        DataException reason = new DataException("record meters-1@99: value is not valid UTF-8");

        assertThatThrownBy(() -> new BadRecordHandler(null, false, metrics).handle(record, reason))
                .hasMessageStartingWith("record meters-1@99: value is not valid UTF-8 (set errors.tolerance=all");
    }

    @Test
    void toleranceAllWithoutReporterFailsSayingWhy() {
        assertThatThrownBy(() -> new BadRecordHandler(null, true, metrics).handle(record, new DataException("bad")))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("record meters-1@99")
                .hasMessageContaining("no errant record reporter");
    }

    @Test
    void onlyAHandlerWithToleranceAllAndAReporterReportsRecords() {
        assertThat(new BadRecordHandler(reporter, true, metrics).reports()).isTrue();
        assertThat(new BadRecordHandler(reporter, false, metrics).reports()).isFalse();
        assertThat(new BadRecordHandler(null, true, metrics).reports()).isFalse();
        assertThat(new BadRecordHandler(null, false, metrics).reports()).isFalse();
    }
}
