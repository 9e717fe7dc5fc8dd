package com.taosdata.kafka.connect.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The configuration reference in {@code docs/configuration.md} is generated from the ConfigDefs. This test fails when
 * it is stale; {@code mvn test -pl connector -am -Dtest=ConfigurationDocTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtdconnect.docs.update=true} rewrites it.
 */
class ConfigurationDocTest {

    private static final String START = "<!-- config-reference:start (generated from the ConfigDefs; do not edit) -->";
    private static final String END = "<!-- config-reference:end -->";

    @Test
    void configurationDocHoldsTheGeneratedConfigReference() throws IOException {
        Path doc = Path.of("..", "docs", "configuration.md");
        String text = Files.readString(doc);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertThat(start)
                .as("docs/configuration.md has the config reference start marker")
                .isNotNegative();
        assertThat(end)
                .as("docs/configuration.md has the config reference end marker")
                .isGreaterThan(start);
        String expected = "\n" + ConfigReference.render();
        String actual = text.substring(start + START.length(), end);
        if (Boolean.getBoolean("tdconnect.docs.update") && !actual.equals(expected)) {
            Files.writeString(doc, text.substring(0, start + START.length()) + expected + text.substring(end));
            return;
        }
        assertThat(actual)
                .as("docs/configuration.md's config reference is stale; regenerate with"
                        + " -Dtdconnect.docs.update=true")
                .isEqualTo(expected);
    }
}
