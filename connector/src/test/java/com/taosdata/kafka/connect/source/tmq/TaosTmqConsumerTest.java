package com.taosdata.kafka.connect.source.tmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.taosdata.jdbc.tmq.TaosConsumer;
import com.taosdata.jdbc.tmq.TopicPartition;
import com.taosdata.kafka.connect.connection.ErrorKind;
import com.taosdata.kafka.connect.connection.TDengineException;
import org.junit.jupiter.api.Test;

/**
 * What the driver's consumer throws becomes TDengine's answer. Its JNI consumer fails {@code seek} and the assignment
 * behind {@code endOffsets} with a plain {@link RuntimeException} whose text carries the code, as taos-jdbcdriver 3.7.3
 * does against TDengine 3.3.6.13 while the group rebalances.
 */
class TaosTmqConsumerTest {

    private static final TmqPartition VGROUP = new TmqPartition("tdconnect_power_meters", 3);

    @SuppressWarnings("unchecked")
    private final TaosConsumer<DriverRow> driver = mock(TaosConsumer.class);

    private final TaosTmqConsumer consumer = new TaosTmqConsumer(driver);

    @Test
    void aConsumerMismatchWhileSeekingIsATransientTDengineError() throws Exception {
        doThrow(new RuntimeException("ERROR (0x80004001): Consumer mismatch"))
                .when(driver)
                .seek(any(TopicPartition.class), anyLong());

        assertThatThrownBy(() -> consumer.seek(VGROUP, 157))
                .isInstanceOfSatisfying(TDengineException.class, e -> {
                    assertThat(e.code()).isEqualTo(0x80004001);
                    assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
                })
                .hasMessageContaining("seeking TMQ")
                .hasMessageContaining("Consumer mismatch");
    }

    @Test
    void aVgroupTheConsumerHasNotPolledSinceARebalanceCannotBeSoughtNow() throws Exception {
        doThrow(new RuntimeException("ERROR (0x80004010): Assignment or poll interface need to be called first"))
                .when(driver)
                .seek(any(TopicPartition.class), anyLong());

        assertThat(consumer.seek(VGROUP, 157)).isFalse();
    }

    @Test
    void aRuntimeExceptionWithoutATDengineCodeIsNotTakenForAnAnswer() throws Exception {
        IllegalStateException defect = new IllegalStateException("consumer closed");
        doThrow(defect).when(driver).seek(any(TopicPartition.class), anyLong());

        assertThatThrownBy(() -> consumer.seek(VGROUP, 157)).isSameAs(defect);
    }

    @Test
    void aConsumerMismatchWhileReadingEndOffsetsIsATransientTDengineError() throws Exception {
        when(driver.endOffsets("tdconnect_power_meters"))
                .thenThrow(new RuntimeException("ERROR (0x80004001): Consumer mismatch"));

        assertThatThrownBy(() -> consumer.endOffsets("tdconnect_power_meters"))
                .isInstanceOfSatisfying(
                        TDengineException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT))
                .hasMessageContaining("end offsets of TDengine topic tdconnect_power_meters");
    }
}
