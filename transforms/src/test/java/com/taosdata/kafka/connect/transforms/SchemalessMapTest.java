package com.taosdata.kafka.connect.transforms;

import static com.taosdata.kafka.connect.transforms.support.Records.encodeValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class SchemalessMapTest {

    private static ToLineProtocol<SinkRecord> smt(Map<String, String> config) {
        ToLineProtocol<SinkRecord> smt = new ToLineProtocol.Value<>();
        smt.configure(config);
        return smt;
    }

    private static Map<String, Object> value() {
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("city", "Paris");
        site.put("alt", 35L);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("ts", "2023-11-14T22:13:20Z");
        value.put("site", site);
        value.put("temp", 21.5);
        value.put("seen", new Date(2));
        value.put("gone", null);
        return value;
    }

    @Test
    void flattensNestedMapsAndReadsTagsByPath() {
        assertThat(encodeValue(smt(Map.of("tags", "site.city", "timestamp.field", "ts", "precision", "ms")), value()))
                .isEqualTo("meters,site_city=Paris site_alt=35i64,temp=21.5f64,seen=2i64 1700000000000");
    }

    @Test
    void explicitFieldsMayPointIntoMaps() {
        assertThat(encodeValue(
                        smt(Map.of("fields", "site.alt,temp", "timestamp.field", "ts", "precision", "ms")), value()))
                .isEqualTo("meters site_alt=35i64,temp=21.5f64 1700000000000");
    }

    @Test
    void nullMembersFollowNullHandling() {
        assertThatThrownBy(() -> encodeValue(smt(Map.of("timestamp.field", "ts", "null.handling", "fail")), value()))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("field=gone");
    }

    @Test
    void aContainerAsTagIsADataError() {
        assertThatThrownBy(() -> encodeValue(smt(Map.of("tags", "site", "timestamp.field", "ts")), value()))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("field=site")
                .hasMessageContaining("single value");
    }

    @Test
    void unknownValueClassesAreDataErrors() {
        Map<String, Object> value = value();
        value.put("odd", new Object());
        assertThatThrownBy(() -> encodeValue(smt(Map.of("timestamp.field", "ts")), value))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("field=odd")
                .hasMessageContaining("no TDengine mapping");
    }
}
