package com.taosdata.kafka.connect.sink.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class RecordIdsTest {

    @Test
    void describesTopicPartitionAndOffset() {
        assertThat(RecordIds.describe(SinkRecords.record("meters", 2, 17, "x"))).isEqualTo("record meters-2@17");
    }

    @Test
    void aDataErrorNamesTheRecordFirstAndKeepsItsCause() {
        IllegalArgumentException reason = new IllegalArgumentException("field groupid value 300 is out of range");

        DataException error = RecordIds.dataError(SinkRecords.record("meters", 2, 17, "x"), reason);

        assertThat(error).hasMessage("record meters-2@17: field groupid value 300 is out of range");
        assertThat(error).hasCause(reason);
    }

    @Test
    void usesTheCoordinatesTheRecordWasConsumedWithWhenAnSmtRenamedItsTopic() {
        var record = SinkRecords.renamed("renamed", "meters", 2, 17, "x");

        assertThat(RecordIds.partition(record)).isEqualTo(new TopicPartition("meters", 2));
        assertThat(RecordIds.offset(record)).isEqualTo(17);
        assertThat(RecordIds.describe(record)).isEqualTo("record meters-2@17");
    }

    @Test
    void aDetachedRecordKeepsWhereItCameFromItsTimestampAndTheValueGivenButNoKeyOrHeaders() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("trace", "abc");
        SinkRecord record = new SinkRecord(
                "renamed",
                2,
                Schema.STRING_SCHEMA,
                "device-7",
                Schema.STRING_SCHEMA,
                "m f=1 1",
                17,
                1_700_000_000_000L,
                TimestampType.CREATE_TIME,
                headers,
                "meters",
                3,
                16L);

        SinkRecord detached = RecordIds.detached(record, Schema.INT32_SCHEMA, 5);

        assertThat(detached.topic()).isEqualTo("renamed");
        assertThat(detached.kafkaPartition()).isEqualTo(2);
        assertThat(detached.kafkaOffset()).isEqualTo(17);
        assertThat(detached.timestamp()).isEqualTo(1_700_000_000_000L);
        assertThat(detached.timestampType()).isEqualTo(TimestampType.CREATE_TIME);
        assertThat(RecordIds.partition(detached)).isEqualTo(new TopicPartition("meters", 3));
        assertThat(RecordIds.offset(detached)).isEqualTo(16);
        assertThat(detached.valueSchema()).isEqualTo(Schema.INT32_SCHEMA);
        assertThat(detached.value()).isEqualTo(5);
        assertThat(detached.key()).isNull();
        assertThat(detached.keySchema()).isNull();
        assertThat(detached.headers()).isEmpty();
        assertThat(record.headers()).hasSize(1);
    }

    @Test
    void aDetachedRecordOfARecordWithoutOriginalCoordinatesNamesItsOwn() {
        SinkRecord detached = RecordIds.detached(SinkRecords.record("meters", 1, 9, "x"), null, null);

        assertThat(RecordIds.describe(detached)).isEqualTo("record meters-1@9");
        assertThat(detached.value()).isNull();
    }
}
