package com.taosdata.kafka.connect.sink.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RecordIdsTest {

    @Test
    void describesTopicPartitionAndOffset() {
        assertThat(RecordIds.describe(SinkRecords.record("meters", 2, 17, "x"))).isEqualTo("record meters-2@17");
    }

    @Test
    void usesTheCoordinatesTheRecordWasConsumedWithWhenAnSmtRenamedItsTopic() {
        var record = SinkRecords.renamed("renamed", "meters", 2, 17, "x");

        assertThat(RecordIds.partition(record)).isEqualTo(new TopicPartition("meters", 2));
        assertThat(RecordIds.offset(record)).isEqualTo(17);
        assertThat(RecordIds.describe(record)).isEqualTo("record meters-2@17");
    }
}
