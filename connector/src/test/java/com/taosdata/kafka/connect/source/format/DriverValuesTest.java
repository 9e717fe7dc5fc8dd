package com.taosdata.kafka.connect.source.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class DriverValuesTest {

    @Test
    void restDriverJsonNodesBecomePlainValues() {
        assertThat(DriverValues.normalize(LongNode.valueOf(4_000_000_000L))).isEqualTo(4_000_000_000L);
        assertThat(DriverValues.normalize(BigIntegerNode.valueOf(new BigInteger("18446744073709551615"))))
                .isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(DriverValues.normalize(TextNode.valueOf("x"))).isEqualTo("x");
        assertThat(DriverValues.normalize(BooleanNode.TRUE)).isEqualTo(true);
        assertThat(DriverValues.normalize(NullNode.getInstance())).isNull();
    }

    @Test
    void otherValuesPassUnchanged() {
        Object value = new Object();
        assertThat(DriverValues.normalize(value)).isSameAs(value);
        assertThat(DriverValues.normalize(null)).isNull();
    }
}
