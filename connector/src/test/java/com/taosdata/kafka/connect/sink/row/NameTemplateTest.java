package com.taosdata.kafka.connect.sink.row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ${…}} placeholders in table name templates. */
class NameTemplateTest {

    @Test
    void placeholdersAreFilledInOrderBetweenTheLiteralText() {
        NameTemplate template = NameTemplate.parse("d_${location}-${groupid}_x");

        assertThat(template.placeholders()).containsExactly("location", "groupid");
        assertThat(template.hasPlaceholders()).isTrue();
        assertThat(template.fill(Map.of("location", "SF", "groupid", "2")::get)).isEqualTo("d_SF-2_x");
        assertThat(template).hasToString("d_${location}-${groupid}_x");
    }

    @Test
    void placeholdersMayStartAndEndTheTemplateAndRepeat() {
        NameTemplate template = NameTemplate.parse("${a}${b}${a}");

        assertThat(template.placeholders()).containsExactly("a", "b", "a");
        assertThat(template.fill(name -> name.toUpperCase(Locale.ROOT))).isEqualTo("ABA");
    }

    @Test
    void blanksAroundAPlaceholderNameAreIgnored() {
        assertThat(NameTemplate.parse("t_${ topic }").placeholders()).containsExactly("topic");
    }

    @Test
    void aTemplateWithoutPlaceholdersIsItsText() {
        NameTemplate template = NameTemplate.parse("meters$ {x} }");

        assertThat(template.hasPlaceholders()).isFalse();
        assertThat(template.placeholders()).isEmpty();
        assertThat(template.fill(name -> {
                    throw new AssertionError("no placeholder to fill");
                }))
                .isEqualTo("meters$ {x} }");
    }

    @Test
    void anUnclosedPlaceholderIsRefused() {
        assertThatThrownBy(() -> NameTemplate.parse("d_${location"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("closing");
        assertThatThrownBy(() -> NameTemplate.parse("${a}_${")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyPlaceholderIsRefused() {
        assertThatThrownBy(() -> NameTemplate.parse("d_${}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> NameTemplate.parse("d_${  }")).isInstanceOf(IllegalArgumentException.class);
    }
}
