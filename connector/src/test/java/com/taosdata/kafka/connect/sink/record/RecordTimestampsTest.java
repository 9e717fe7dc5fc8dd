package com.taosdata.kafka.connect.sink.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.schemas.TimestampUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordTimestampsTest {

    private static final long MILLIS = 1_796_316_133_135L;

    private static SinkRecord record(Long timestamp) {
        return new SinkRecord(
                "meters",
                3,
                null,
                null,
                null,
                "ignored",
                42,
                timestamp,
                timestamp == null ? TimestampType.NO_TIMESTAMP_TYPE : TimestampType.CREATE_TIME);
    }

    private static List<String> stamp(TimestampUnit precision, Long timestamp, String... lines) {
        List<String> stamped = new ArrayList<>(List.of(lines));
        new RecordTimestamps(precision).stamp(record(timestamp), stamped);
        return stamped;
    }

    @ParameterizedTest
    @CsvSource({"MS, 1796316133135", "US, 1796316133135000", "NS, 1796316133135000000"})
    void aLineWithoutTimestampGetsTheRecordsInThePrecision(TimestampUnit precision, String expected) {
        assertThat(stamp(precision, MILLIS, "meters,location=x current=1.5"))
                .containsExactly("meters,location=x current=1.5 " + expected);
    }

    @Test
    void aLineWithATimestampKeepsIt() {
        assertThat(stamp(TimestampUnit.MS, MILLIS, "m f=1 7")).containsExactly("m f=1 7");
    }

    @Test
    void eachLineOfARecordIsStampedOnItsOwn() {
        assertThat(stamp(TimestampUnit.MS, MILLIS, "m f=1", "m f=2 7", "# note", "m s=\"a b\""))
                .containsExactly("m f=1 1796316133135", "m f=2 7", "# note", "m s=\"a b\" 1796316133135");
    }

    @Test
    void theTimestampGoesRightAfterTheFieldSetAndWhatFollowsIsKept() {
        assertThat(stamp(TimestampUnit.MS, MILLIS, "m f=1 ", "m f=1 \t"))
                .containsExactly("m f=1 1796316133135 ", "m f=1 1796316133135 \t");
    }

    @Test
    void aRecordWithoutKafkaTimestampIsABadRecordWhenALineNeedsOne() {
        assertThatThrownBy(() -> stamp(TimestampUnit.NS, null, "m f=1 7", "m f=2"))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("record meters-3@42: ")
                .hasMessageContaining("no Kafka timestamp")
                .hasMessageContaining("timestamp.missing=record")
                .hasMessageContaining("timestamp.missing=server");
    }

    @Test
    void aRecordWithoutKafkaTimestampIsFineWhenEveryLineHasOne() {
        assertThat(stamp(TimestampUnit.NS, null, "m f=1 7", "# note")).containsExactly("m f=1 7", "# note");
    }

    @Test
    void aKafkaTimestampOfZeroIsABadRecordBecauseTDengineReadsZeroAsItsClock() {
        assertThatThrownBy(() -> stamp(TimestampUnit.MS, 0L, "m f=1"))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("record meters-3@42: ")
                .hasMessageContaining("Kafka timestamp 0 (1970-01-01T00:00:00Z)")
                .hasMessageContaining("timestamp.missing=record");
    }

    @Test
    void aKafkaTimestampBeyondThePrecisionsRangeIsABadRecord() {
        long year2300 = 10_413_792_000_000L;

        assertThat(stamp(TimestampUnit.US, year2300, "m f=1")).containsExactly("m f=1 10413792000000000");
        assertThatThrownBy(() -> stamp(TimestampUnit.NS, year2300, "m f=1"))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("record meters-3@42: ")
                .hasMessageContaining("2300-01-01T00:00:00Z")
                .hasMessageContaining("data.precision=ns");
    }
}
