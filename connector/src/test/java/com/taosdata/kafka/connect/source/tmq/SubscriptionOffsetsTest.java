package com.taosdata.kafka.connect.source.tmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubscriptionOffsetsTest {

    @Test
    void anOffsetHoldsThePointsPositionAndSkipBesideTheMessagesOffset() {
        assertThat(SubscriptionOffsets.offset(9, new ReadPosition(5, 3)))
                .isEqualTo(Map.of("offset", 9L, "position", 5L, "skip", 3L));
    }

    @Test
    void aStoredOffsetIsReadBackAsItsPoint() {
        assertThat(SubscriptionOffsets.point(SubscriptionOffsets.offset(9, new ReadPosition(5, 3))))
                .isEqualTo(new ReadPosition(5, 3));
    }

    @Test
    void anOffsetWithoutSkipIsThePositionItself() {
        // What offsets stored before skip existed, and what an operator may write, hold.
        Map<String, Object> nullSkip = new HashMap<>();
        nullSkip.put("position", 8L);
        nullSkip.put("skip", null);
        assertThat(SubscriptionOffsets.point(Map.of("position", 8))).isEqualTo(ReadPosition.at(8));
        assertThat(SubscriptionOffsets.point(nullSkip)).isEqualTo(ReadPosition.at(8));
    }

    @Test
    void noOffsetOrOneWithoutAUsablePositionOrSkipHoldsNoPoint() {
        assertThat(SubscriptionOffsets.point(null)).isNull();
        assertThat(SubscriptionOffsets.point(Map.of("offset", 7L))).isNull();
        assertThat(SubscriptionOffsets.point(Map.of("position", "8"))).isNull();
        assertThat(SubscriptionOffsets.point(Map.of("position", -1L))).isNull();
        assertThat(SubscriptionOffsets.point(Map.of("position", 8L, "skip", -2L)))
                .isNull();
    }

    @Test
    void pointsOfAVgroupAreOrderedByPositionThenByTheRowsReadFromIt() {
        assertThat(new ReadPosition(5, 4000)).isLessThan(ReadPosition.at(6));
        assertThat(new ReadPosition(5, 2)).isLessThan(new ReadPosition(5, 3));
        assertThat(ReadPosition.at(5).next()).isEqualTo(new ReadPosition(5, 1));
    }

    @Test
    void aPointHasNoNegativePositionOrSkip() {
        assertThatThrownBy(() -> new ReadPosition(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReadPosition(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
