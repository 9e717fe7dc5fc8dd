package com.taosdata.kafka.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.transforms.support.Records;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** One instance encodes a stream exactly as a fresh instance encodes each record alone, whatever came before. */
class ReusedBuilderTest {

    private static final Map<String, String> CONFIG = Map.of("tags", "site", "timestamp.field", "ts");

    @Test
    void recordsOfEverySizeAndAlphabetComeOutAsAFreshInstanceWritesThem() {
        ToLineProtocol<SinkRecord> reused = Records.configured(new ToLineProtocol.Value<>(), CONFIG);
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        // past two renewals of the builder, with records growing, shrinking and leaving Latin-1 now and then
        for (int i = 0; i < 2 * EncodingTransformation.RECORDS_PER_BUILDER + 50; i++) {
            Map<String, Object> value = record(i);
            expected.add(Records.encodeValue(Records.configured(new ToLineProtocol.Value<>(), CONFIG), value));
            actual.add(Records.encodeValue(reused, value));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(expected.get(7)).contains("北京");
        assertThat(expected.get(300).length()).isGreaterThan(4 * expected.get(1).length());
    }

    @Test
    void aRecordThatFailedHalfWayLeavesNothingInTheNextOne() {
        ToLineProtocol<SinkRecord> smt = Records.configured(new ToLineProtocol.Value<>(), CONFIG);
        Map<String, Object> bad = record(300);
        bad.put("z", Double.NaN);
        assertThatThrownBy(() -> Records.encodeValue(smt, bad))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("field=z");
        assertThat(Records.encodeValue(smt, record(1)))
                .isEqualTo(Records.encodeValue(Records.configured(new ToLineProtocol.Value<>(), CONFIG), record(1)))
                .startsWith("meters,site=s1 ");
    }

    /** Record {@code i}: a text field whose length goes up and down with {@code i}, every seventh one not Latin-1. */
    private static Map<String, Object> record(int i) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("ts", 1_700_000_000_000L + i);
        value.put("site", i % 7 == 0 ? "北京" + i : "s" + i);
        value.put("v", i * 0.25);
        value.put("text", "x".repeat(i % 400));
        return value;
    }
}
