package com.taosdata.kafka.connect.cli.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code GET /}: the version of Kafka the worker runs, e.g. {@code 3.7.1}, or Confluent Platform's {@code 7.7.0-ccs}. */
public record WorkerInfo(
        String version,
        String commit,
        @JsonProperty("kafka_cluster_id") String kafkaClusterId) {

    private static final Pattern RELEASE = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.\\d+)?(-c[a-z]+)?.*");

    /**
     * The Apache Kafka major and minor version, as {@code major * 100 + minor}; empty when the version string is not
     * one this recognizes. Confluent Platform 7.x ships Kafka 3.x and 8.x Kafka 4.x, with the same minor version.
     */
    public Optional<Integer> kafkaRelease() {
        Matcher m = version == null ? null : RELEASE.matcher(version);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (m.group(3) != null) {
            major -= 4;
        }
        return Optional.of(major * 100 + minor);
    }

    /** Whether the worker runs Kafka {@code major.minor} or later; true when its version is not recognized. */
    public boolean atLeast(int major, int minor) {
        return kafkaRelease().map(release -> release >= major * 100 + minor).orElse(true);
    }
}
