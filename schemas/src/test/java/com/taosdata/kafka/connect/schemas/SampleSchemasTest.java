package com.taosdata.kafka.connect.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SampleSchemasTest {

    @ParameterizedTest
    @CsvSource({"meters.avsc, 6", "wide20.avsc, 20", "rich.avsc, 15", "readings-with-array.avsc, 4"})
    void sampleAvroSchemasParse(String file, int fields) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/schemas/avro/" + file)) {
            Schema schema = new Schema.Parser().parse(in);
            assertThat(schema.getFields()).hasSize(fields);
        }
    }
}
