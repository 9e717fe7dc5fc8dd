package com.taosdata.kafka.connect.it.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A row as the restart suites identify it: subtable and timestamp, read from a JSON record or known when inserted. */
record RowKey(String table, long ts) {

    static RowKey of(ConsumerRecord<byte[], byte[]> record) {
        JsonNode row = QuerySourceIT.json(record);
        assertThat(QuerySourceIT.key(record))
                .as("record key of %s", row)
                .isEqualTo(row.path("table").asText());
        return new RowKey(row.path("table").asText(), row.path("ts").asLong());
    }
}
