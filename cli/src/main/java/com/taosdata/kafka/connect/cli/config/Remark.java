package com.taosdata.kafka.connect.cli.config;

/**
 * What reading a file found wrong (or worth a look) around the config itself, such as a KafkaConnector's
 * {@code spec.state}: reported with the config's own findings.
 */
public record Remark(String key, String message, boolean error) {

    public static Remark error(String key, String message) {
        return new Remark(key, message, true);
    }

    public static Remark warning(String key, String message) {
        return new Remark(key, message, false);
    }
}
