package com.taosdata.kafka.connect.transforms.point;

import static org.assertj.core.api.Assertions.assertThat;

import com.taosdata.kafka.connect.schemas.mapping.ColumnMapping;
import org.junit.jupiter.api.Test;

class PointTest {

    private final Point point = new Point();

    @Test
    void aReusedPositionTakesTheNextRecordsKeyMappingAndValue() {
        point.addField("current", ColumnMapping.FLOAT64, 10.5);
        point.addTag("location", ColumnMapping.STRING, "SF");
        point.reset();
        point.addField("voltage", ColumnMapping.INT32, 219);
        point.addTag("group", ColumnMapping.INT64, 2L);
        assertThat(point.fields().size()).isEqualTo(1);
        assertThat(point.fields().key(0)).isEqualTo("voltage");
        assertThat(point.fields().mapping(0)).isEqualTo(ColumnMapping.INT32);
        assertThat(point.fields().value(0)).isEqualTo(219);
        assertThat(point.tags().key(0)).isEqualTo("group");
        assertThat(point.tags().mapping(0)).isEqualTo(ColumnMapping.INT64);
    }

    @Test
    void resetLetsGoOfTheRecordsValues() {
        for (int i = 0; i < 12; i++) {
            point.addField("f" + i, ColumnMapping.STRING, "value " + i);
        }
        point.reset();
        assertThat(point.fields().size()).isZero();
        for (int i = 0; i < 12; i++) {
            assertThat(point.fields().value(i)).isNull();
        }
    }
}
