package com.taosdata.kafka.connect.source.tmq;

import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.schemas.TimestampUnit;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TmqTimestampsTest {

    @Test
    void nanosecondCountReadAsMillisecondsIsTheCount() {
        assertThat(TmqTimestamps.repair(new Timestamp(1_700_000_000_000_000_000L), TimestampUnit.NS))
                .isEqualTo(1_700_000_000_000_000_000L);
    }

    @Test
    void microsecondCountReadAsMillisecondsIsTheCount() {
        assertThat(TmqTimestamps.repair(new Timestamp(1_700_000_000_000_000L), TimestampUnit.US))
                .isEqualTo(1_700_000_000_000_000L);
    }

    @Test
    void timestampReadRightIsKept() {
        Timestamp right = Timestamp.from(Instant.parse("2023-11-14T22:13:20.000000001Z"));
        assertThat(TmqTimestamps.repair(right, TimestampUnit.NS)).isSameAs(right);
        Timestamp lastOf9999 = new Timestamp(TmqTimestamps.LAST_MILLISECOND_OF_9999);
        assertThat(TmqTimestamps.repair(lastOf9999, TimestampUnit.US)).isSameAs(lastOf9999);
    }

    @Test
    void millisecondDatabaseIsNeverTouched() {
        Timestamp far = new Timestamp(TmqTimestamps.LAST_MILLISECOND_OF_9999 + 1);
        assertThat(TmqTimestamps.repair(far, TimestampUnit.MS)).isSameAs(far);
    }
}
