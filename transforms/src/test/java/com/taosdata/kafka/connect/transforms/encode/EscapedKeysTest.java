package com.taosdata.kafka.connect.transforms.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.taosdata.kafka.connect.schemas.UnsupportedValueException;
import org.junit.jupiter.api.Test;

class EscapedKeysTest {

    private final EscapedKeys keys = new EscapedKeys("field key", "", ",");

    @Test
    void appendsTheEscapedKeyAndItsEqualSign() {
        assertThat(append(0, "my key,x")).isEqualTo("my\\ key\\,x=");
    }

    @Test
    void aPositionFollowsItsKeyWhenTheKeyChanges() {
        append(0, "current");
        assertThat(append(0, "my key")).isEqualTo("my\\ key=");
        assertThat(append(0, "voltage")).isEqualTo("voltage=");
    }

    @Test
    void theFirstKeyTakesTheFirstSeparatorAndEveryOtherTheSeparator() {
        assertThat(append(0, "current")).isEqualTo("current=");
        assertThat(append(1, "voltage")).isEqualTo(",voltage=");
        // the same key at another position takes that position's separator
        assertThat(append(1, "current")).isEqualTo(",current=");
        assertThat(append(0, "voltage")).isEqualTo("voltage=");
        EscapedKeys tags = new EscapedKeys("tag key", ",", ",");
        StringBuilder out = new StringBuilder("meters");
        tags.append(out, 0, "location");
        out.append("SF");
        tags.append(out, 1, "group id");
        assertThat(out).hasToString("meters,location=SF,group\\ id=");
    }

    @Test
    void positionsBeyondTheFirstEightGrow() {
        for (int i = 0; i < 20; i++) {
            assertThat(append(i, "m " + i)).isEqualTo((i == 0 ? "" : ",") + "m\\ " + i + "=");
        }
        assertThat(append(3, "m 3")).isEqualTo(",m\\ 3=");
    }

    @Test
    void aKeyThatCannotBeWrittenIsRefusedEveryTime() {
        append(0, "ok");
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> append(0, "a\\ b"))
                    .isInstanceOf(UnsupportedValueException.class)
                    .hasMessageContaining("field key");
        }
        assertThat(append(0, "ok")).isEqualTo("ok=");
    }

    private String append(int index, String key) {
        StringBuilder out = new StringBuilder();
        keys.append(out, index, key);
        return out.toString();
    }
}
