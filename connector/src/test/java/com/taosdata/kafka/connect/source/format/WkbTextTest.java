package com.taosdata.kafka.connect.source.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class WkbTextTest {

    @Test
    void pointInEitherByteOrder() {
        assertThat(WkbText.toText(Fixtures.point(1, 2.5))).isEqualTo("POINT(1 2.5)");
        byte[] bigEndian = ByteBuffer.allocate(21)
                .order(ByteOrder.BIG_ENDIAN)
                .put((byte) 0)
                .putInt(1)
                .putDouble(-3)
                .putDouble(4)
                .array();
        assertThat(WkbText.toText(bigEndian)).isEqualTo("POINT(-3 4)");
    }

    @Test
    void lineString() {
        byte[] wkb = le(9 + 4 + 32)
                .put((byte) 1)
                .putInt(2)
                .putInt(2)
                .putDouble(0)
                .putDouble(0)
                .putDouble(1)
                .putDouble(1)
                .array();
        assertThat(WkbText.toText(wkb)).isEqualTo("LINESTRING(0 0, 1 1)");
    }

    @Test
    void polygonWithOneRing() {
        ByteBuffer buffer = le(9 + 4 + 4 * 16).put((byte) 1).putInt(3).putInt(1).putInt(4);
        double[][] ring = {{0, 0}, {1, 0}, {1, 1}, {0, 0}};
        for (double[] p : ring) {
            buffer.putDouble(p[0]).putDouble(p[1]);
        }
        assertThat(WkbText.toText(buffer.array())).isEqualTo("POLYGON((0 0, 1 0, 1 1, 0 0))");
    }

    @Test
    void multiPointListsMembersWithoutTheirTypeName() {
        ByteBuffer buffer = le(9 + 2 * 21)
                .put((byte) 1)
                .putInt(4)
                .putInt(2)
                .put(Fixtures.point(1, 2))
                .put(Fixtures.point(3, 4));
        assertThat(WkbText.toText(buffer.array())).isEqualTo("MULTIPOINT((1 2), (3 4))");
    }

    @Test
    void collectionKeepsMemberTypeNames() {
        ByteBuffer buffer = le(9 + 21).put((byte) 1).putInt(7).putInt(1).put(Fixtures.point(1, 2));
        assertThat(WkbText.toText(buffer.array())).isEqualTo("GEOMETRYCOLLECTION(POINT(1 2))");
    }

    @Test
    void threeDimensionalGeometryIsRejected() {
        byte[] wkb = le(9).put((byte) 1).putInt(1001).array();
        assertThatThrownBy(() -> WkbText.toText(wkb)).isInstanceOf(UnsupportedValueException.class);
    }

    @Test
    void truncatedInputIsRejected() {
        assertThatThrownBy(() -> WkbText.toText(new byte[] {1, 1, 0, 0, 0, 0}))
                .isInstanceOf(UnsupportedValueException.class)
                .hasMessageContaining("truncated");
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
