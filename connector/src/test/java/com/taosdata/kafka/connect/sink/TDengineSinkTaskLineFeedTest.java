package com.taosdata.kafka.connect.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.taosdata.kafka.connect.sink.record.SinkRecords;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** A string field holding a raw line feed, which only a native connection can write, on the other transports. */
class TDengineSinkTaskLineFeedTest extends SinkTaskTestBase {

    private static final SinkRecord NOTE = SinkRecords.record("meters", 0, 1, "m,t=a note=\"one\ntwo\" 1");

    @Test
    void overWebSocketTheRecordGoesToTheDlqNamingTheFieldAndTheOthersAreWritten() {
        start("errors.tolerance", "all");

        task.put(List.of(line(0, 0), NOTE, line(0, 2)));
        Map<TopicPartition, OffsetAndMetadata> offsets = preCommit(METERS_0);

        assertThat(tdengine.accepted()).containsExactly("m f=0 0", "m f=2 2");
        assertThat(dlq).singleElement().satisfies(e -> {
            assertThat(e.getKey()).isSameAs(NOTE);
            assertThat(e.getValue())
                    .hasMessageContaining("record meters-0@1: field 'note' holds a line feed")
                    .hasMessageContaining("WebSocket")
                    .hasMessageContaining("jdbc:TAOS://");
        });
        assertThat(offsets).containsExactly(entry(METERS_0, new OffsetAndMetadata(3)));
    }

    @Test
    void overRestWithoutToleranceTheRecordFailsTheTask() {
        start("connection.url", "jdbc:TAOS-RS://127.0.0.1:6041");

        assertThatThrownBy(() -> task.put(List.of(line(0, 0), NOTE)))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("record meters-0@1: field 'note' holds a line feed")
                .hasMessageContaining("/influxdb/v1/write");
        assertThat(dlq).isEmpty();
    }
}
