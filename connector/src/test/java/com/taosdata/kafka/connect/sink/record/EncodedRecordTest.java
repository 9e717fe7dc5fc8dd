package com.taosdata.kafka.connect.sink.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class EncodedRecordTest {

    @Test
    void aDetachedSchemalessRecordKeepsItsPayloadsButNotItsValue() {
        SinkRecord record = new SinkRecord("meters", 0, Schema.STRING_SCHEMA, "k", null, "m f=1 1", 4);

        EncodedRecord detached = new EncodedRecord(record, List.of("m f=1 1")).detached();

        assertThat(detached.payloads()).containsExactly("m f=1 1");
        assertThat(detached.rows()).isEqualTo(1);
        assertThat(detached.record().value()).isNull();
        assertThat(detached.record().key()).isNull();
        assertThat(RecordIds.describe(detached.record())).isEqualTo("record meters-0@4");
    }

    @Test
    void aDetachedTypedRecordKeepsItsValueForTheWriterToTakeApart() {
        Schema schema = SchemaBuilder.struct().field("v", Schema.INT32_SCHEMA).build();
        Struct value = new Struct(schema).put("v", 1);
        SinkRecord record = new SinkRecord("meters", 0, Schema.STRING_SCHEMA, "k", schema, value, 4);

        EncodedRecord detached = EncodedRecord.typed(record).detached();

        assertThat(detached.record().value()).isSameAs(value);
        assertThat(detached.record().valueSchema()).isSameAs(schema);
        assertThat(detached.record().key()).isNull();
        assertThat(detached.payloads()).isEmpty();
        assertThat(detached.rows()).isEqualTo(1);
    }
}
