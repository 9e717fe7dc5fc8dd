package com.taosdata.kafka.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.transforms.support.CountingSchema;
import com.taosdata.kafka.connect.transforms.support.Records;
import java.util.Date;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class SchemaCacheTest {

    @Test
    void onlyTheFirstRecordOfASchemaWalksIt() {
        Schema site = SchemaBuilder.struct().field("city", Schema.STRING_SCHEMA).build();
        CountingSchema schema = new CountingSchema(SchemaBuilder.struct()
                .field("ts", Timestamp.SCHEMA)
                .field("site", site)
                .field("v", Schema.FLOAT64_SCHEMA)
                .build());
        ToLineProtocol<SinkRecord> smt = new ToLineProtocol.Value<>();
        smt.configure(Map.of("tags", "site.city", "timestamp.field", "ts"));
        String first = encode(smt, schema, 1.0);
        assertThat(schema.walks()).isPositive();
        schema.reset();
        String second = encode(smt, schema, 2.0);
        assertThat(schema.walks()).isZero();
        assertThat(first).isEqualTo("meters,site_city=Paris v=1.0f64 5000000");
        assertThat(second).isEqualTo("meters,site_city=Paris v=2.0f64 5000000");
    }

    private static String encode(ToLineProtocol<SinkRecord> smt, CountingSchema schema, double v) {
        Struct value = new Struct(schema);
        value.put("ts", new Date(5))
                .put("site", new Struct(schema.field("site").schema()).put("city", "Paris"))
                .put("v", v);
        schema.reset();
        return Records.encode(smt, Records.record(schema, value, 0));
    }
}
