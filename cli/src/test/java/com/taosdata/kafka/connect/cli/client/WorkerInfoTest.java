package com.taosdata.kafka.connect.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkerInfoTest {

    @ParameterizedTest(name = "{0} runs Kafka 3.8 or later: {1}")
    @CsvSource({
        "3.7.1, false",
        "3.7.0-SNAPSHOT, false",
        "3.8.0, true",
        "4.1.1, true",
        "10.0.0, true",
        // Confluent Platform: 7.7 ships Kafka 3.7, 7.8 ships 3.8, 8.0 ships 4.0.
        "7.7.0-ccs, false",
        "7.8.0-ce, true",
        "8.0.0-ccs, true",
        // Not a version this knows: the worker answers the request itself.
        "trunk, true"
    })
    void tellsWorkersThatCreateConnectorsInAStateApart(String version, boolean atLeast38) {
        assertThat(new WorkerInfo(version, null, null).atLeast(3, 8)).isEqualTo(atLeast38);
    }
}
