package com.taosdata.kafka.connect.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.source.query.SourcePartitions;
import com.taosdata.kafka.connect.source.tmq.SubscriptionOffsets;
import com.taosdata.kafka.connect.source.tmq.TmqPartition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

/**
 * Connect's offsets REST API (GET, PATCH and DELETE {@code /connectors/NAME/offsets}) passes partitions through the
 * worker's internal JSON converter before it hands them to the connector and writes them, and Connect looks an
 * offset up by its serialized partition, byte for byte. A partition the source writes must therefore come back from
 * that round trip in its own key order: otherwise offsets an operator sets or resets land under a partition the tasks
 * never look up (seen on a 4.1 worker: a vgroup partition written as database, topic, vgroup came back as database,
 * vgroup, topic).
 */
class PartitionKeyOrderTest {

    private final JsonConverter internal = new JsonConverter();

    PartitionKeyOrderTest() {
        internal.configure(Map.of("schemas.enable", "false"), true);
    }

    private List<String> roundTripKeys(Map<String, ?> partition) {
        byte[] serialized = internal.fromConnectData("", null, partition);
        return new ArrayList<>(
                ((Map<?, ?>) internal.toConnectData("", serialized).value())
                        .keySet().stream().map(Object::toString).toList());
    }

    @Test
    void aQueryModeTablePartitionKeepsItsKeyOrder() {
        Map<String, String> partition = SourcePartitions.table("power", "d1001");
        assertThat(roundTripKeys(partition)).containsExactlyElementsOf(partition.keySet());
    }

    @Test
    void aSubscriptionModeVgroupPartitionKeepsItsKeyOrder() {
        Map<String, Object> partition =
                SubscriptionOffsets.partition("power", new TmqPartition("tdconnect_power_meters", 3));
        assertThat(roundTripKeys(partition)).containsExactlyElementsOf(partition.keySet());
    }
}
