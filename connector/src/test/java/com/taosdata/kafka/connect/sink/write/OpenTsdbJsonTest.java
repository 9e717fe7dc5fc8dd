package com.taosdata.kafka.connect.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenTsdbJsonTest {

    @Test
    void objectsAndArraysAreMergedIntoOneArray() {
        String merged = OpenTsdbJson.mergeIntoArray(
                List.of("{\"metric\":\"a\"}", " [ {\"metric\":\"b\"}, {\"metric\":\"c\"} ] ", "{\"metric\":\"d\"}"));

        assertThat(merged).isEqualTo("[{\"metric\":\"a\"},{\"metric\":\"b\"}, {\"metric\":\"c\"},{\"metric\":\"d\"}]");
    }

    @Test
    void emptyArraysContributeNothing() {
        assertThat(OpenTsdbJson.mergeIntoArray(List.of("[]", "{\"metric\":\"a\"}", "[ ]")))
                .isEqualTo("[{\"metric\":\"a\"}]");
    }

    @Test
    void aSingleObjectBecomesAnArrayOfOne() {
        assertThat(OpenTsdbJson.mergeIntoArray(List.of("{\"metric\":\"a\"}"))).isEqualTo("[{\"metric\":\"a\"}]");
    }

    @Test
    void anUnterminatedArrayIsPassedOnForTDengineToRejectInsteadOfThrowing() {
        String merged = OpenTsdbJson.mergeIntoArray(List.of("{\"metric\":\"a\"}", "[{\"metric\":\"b\"}", "["));

        assertThat(merged).isEqualTo("[{\"metric\":\"a\"},[{\"metric\":\"b\"},[]");
    }
}
