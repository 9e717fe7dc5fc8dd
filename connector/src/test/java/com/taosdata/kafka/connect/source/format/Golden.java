package com.taosdata.kafka.connect.source.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Expected outputs kept under {@code src/test/resources/source/golden/}, without the file's final newline. */
final class Golden {

    private Golden() {}

    static String read(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/source/golden/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing golden file " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
