package com.taosdata.kafka.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.transforms.support.Records;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** The sample JSON records through Kafka's JsonConverter, with and without schemas, then ToLineProtocol. */
class JsonConverterChainTest {

    private static final Map<String, String> SMT = Map.of("tags", "location,group_id", "timestamp.field", "ts");

    @Test
    void jsonWithSchemasBecomesTypedColumns() throws IOException {
        SchemaAndValue data = convert("meters-with-schema.json", true);
        assertThat(data.value()).isInstanceOf(Struct.class);
        assertThat(line(data))
                .isEqualTo("meters,location=California.SanFrancisco,group_id=2"
                        + " current=10.3f64,voltage=219.0f64,phase=0.31f64 1700000000000000000");
    }

    @Test
    void schemalessJsonBecomesInt64AndFloat64Columns() throws IOException {
        SchemaAndValue data = convert("meters-schemaless.json", false);
        assertThat(data.value()).isInstanceOf(Map.class);
        String line = line(data);
        assertThat(line)
                .startsWith("meters,location=California.SanFrancisco,group_id=2 ")
                .endsWith(" 1700000000000000000")
                .contains("current=10.3f64", "voltage=219.0f64", "phase=0.31f64");
    }

    private static String line(SchemaAndValue data) {
        ToLineProtocol<SinkRecord> smt = new ToLineProtocol.Value<>();
        smt.configure(SMT);
        return Records.encode(smt, Records.record(data.schema(), data.value(), 0));
    }

    private static SchemaAndValue convert(String file, boolean schemas) throws IOException {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", Boolean.toString(schemas), "converter.type", "value"));
        try (InputStream in = JsonConverterChainTest.class.getResourceAsStream("/schemas/json/" + file)) {
            return converter.toConnectData("meters", in.readAllBytes());
        }
    }
}
