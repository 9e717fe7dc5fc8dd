package com.taosdata.kafka.connect.cli.client;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to reach one Connect cluster. {@code initialBackoff} doubles after each 409 answer,
 * up to {@code retries} retries.
 */
public record ClientSettings(
        String url,
        String user,
        char[] password,
        Path truststore,
        char[] truststorePassword,
        Duration timeout,
        int retries,
        Duration initialBackoff) {

    public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(250);
}
