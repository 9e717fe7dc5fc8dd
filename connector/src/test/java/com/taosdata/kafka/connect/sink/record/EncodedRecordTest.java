package com.taosdata.kafka.connect.sink.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.sink.row.TypedRow;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class EncodedRecordTest {

    @Test
    void aDetachedSchemalessRecordKeepsItsPayloadsButNotItsValue() {
        SinkRecord record = new SinkRecord("meters", 0, Schema.STRING_SCHEMA, "k", null, "m f=1 1", 4);

        EncodedRecord detached = detached(new EncodedRecord(record, List.of("m f=1 1")));

        assertThat(detached.payloads()).containsExactly("m f=1 1");
        assertThat(detached.rows()).isEqualTo(1);
        assertThat(detached.record().value()).isNull();
        assertThat(detached.record().key()).isNull();
        assertThat(RecordIds.describe(detached.record())).isEqualTo("record meters-0@4");
    }

    @Test
    void aDetachedRowKeepsTheRowAndWhereTheRecordWasConsumedFromEvenAfterARename() {
        SinkRecord consumed =
                new SinkRecord("meters", 3, null, "k", null, Map.of("v", 1), 41, 1_000L, TimestampType.CREATE_TIME);
        SinkRecord renamed =
                consumed.newRecord("power_meters", 3, null, null, null, consumed.value(), consumed.timestamp());
        TypedRow row = new TypedRow(null, "d1", 1_000L, new Object[] {"a"}, new Object[] {1});

        EncodedRecord detached = detached(EncodedRecord.typed(renamed, row));

        assertThat(detached.row()).isSameAs(row);
        assertThat(detached.partition()).isEqualTo(new TopicPartition("meters", 3));
        assertThat(detached.timestamp()).isEqualTo(1_000L);
        assertThat(detached.record().value()).isNull();
        assertThat(RecordIds.describe(detached.record())).isEqualTo("record meters-3@41");
        assertThat(detached.rows()).isEqualTo(1);
    }

    @Test
    void aDetachedRecordWithoutATimestampHasNone() {
        SinkRecord record =
                new SinkRecord("meters", 0, null, null, null, "m f=1 1", 4, null, TimestampType.NO_TIMESTAMP_TYPE);

        EncodedRecord detached = detached(new EncodedRecord(record, List.of("m f=1 1")));

        assertThat(detached.timestamp()).isNull();
        assertThat(detached.record().timestamp()).isNull();
    }

    @Test
    void aDetachedTypedRecordKeepsItsValueForTheWriterToTakeApart() {
        Schema schema = SchemaBuilder.struct().field("v", Schema.INT32_SCHEMA).build();
        Struct value = new Struct(schema).put("v", 1);
        SinkRecord record = new SinkRecord("meters", 0, Schema.STRING_SCHEMA, "k", schema, value, 4);

        EncodedRecord detached = detached(EncodedRecord.typed(record));

        assertThat(detached.record().value()).isSameAs(value);
        assertThat(detached.record().valueSchema()).isSameAs(schema);
        assertThat(detached.record().key()).isNull();
        assertThat(detached.payloads()).isEmpty();
        assertThat(detached.rows()).isEqualTo(1);
    }

    /** Detached as the task does it, with the coordinates it reads off the record. */
    private static EncodedRecord detached(EncodedRecord encoded) {
        return encoded.detached(RecordIds.partition(encoded.record()), RecordIds.offset(encoded.record()));
    }
}
