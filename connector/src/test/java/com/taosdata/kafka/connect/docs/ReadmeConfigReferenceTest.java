package com.taosdata.kafka.connect.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The README's configuration reference is generated from the ConfigDefs. This test fails when it is stale;
 * {@code mvn test -pl connector -Dtest=ReadmeConfigReferenceTest -Dtdconnect.readme.update=true} rewrites it.
 */
class ReadmeConfigReferenceTest {

    private static final String START = "<!-- config-reference:start (generated from the ConfigDefs; do not edit) -->";
    private static final String END = "<!-- config-reference:end -->";

    @Test
    void readmeHoldsTheGeneratedConfigReference() throws IOException {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertThat(start).as("README.md has the config reference start marker").isNotNegative();
        assertThat(end).as("README.md has the config reference end marker").isGreaterThan(start);
        String expected = "\n" + ConfigReference.render();
        String actual = text.substring(start + START.length(), end);
        if (Boolean.getBoolean("tdconnect.readme.update") && !actual.equals(expected)) {
            Files.writeString(readme, text.substring(0, start + START.length()) + expected + text.substring(end));
            return;
        }
        assertThat(actual).as("README config reference is stale; regenerate with -Dtdconnect.readme.update=true").isEqualTo(expected);
    }
}
