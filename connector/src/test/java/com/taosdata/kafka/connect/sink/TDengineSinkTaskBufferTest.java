package com.taosdata.kafka.connect.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.List;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** What a record waiting in a batch keeps alive: Connect's record only when a bad one can go to the DLQ. */
class TDengineSinkTaskBufferTest extends SinkTaskTestBase {

    @Test
    void withoutADlqAWaitingRecordDoesNotKeepConnectsRecordAliveAndIsStillWritten() throws InterruptedException {
        start();

        WeakReference<Object> key = putOneKeyedLine();

        assertThat(collected(key)).isTrue();
        preCommit(METERS_0);
        assertThat(tdengine.accepted()).containsExactly("m f=0 0");
    }

    @Test
    void withADlqAWaitingRecordIsKeptAsConnectHandedItOver() throws InterruptedException {
        start("errors.tolerance", "all");

        WeakReference<Object> key = putOneKeyedLine();

        assertThat(collected(key)).isFalse();
        preCommit(METERS_0);
        assertThat(tdengine.accepted()).containsExactly("m f=0 0");
    }

    /**
     * Puts one line whose key nothing but Connect's record refers to, fewer than a batch so that it waits; returns a
     * weak reference to the key, which the collector clears once the record is no longer kept.
     */
    private WeakReference<Object> putOneKeyedLine() {
        Object key = new byte[1024];
        task.put(List.of(new SinkRecord("meters", 0, null, key, null, "m f=0 0", 0)));
        return new WeakReference<>(key);
    }
}
