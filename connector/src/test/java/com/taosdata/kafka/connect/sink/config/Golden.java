package com.taosdata.kafka.connect.sink.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Golden files under {@code src/test/resources/sink/golden}. */
final class Golden {

    private Golden() {}

    static String read(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(Golden.class.getResourceAsStream("/sink/golden/" + name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
