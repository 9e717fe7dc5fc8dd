package com.taosdata.kafka.connect.cli.config;

/**
 * One document of a config file: a connector config, a resource of another kind that validation skips, or a document
 * that cannot be read as a connector. A {@code .properties} or {@code .json} file is one document; a YAML file one per
 * {@code ---}.
 */
public sealed interface ConfigDocument permits ConnectorFile, ConfigDocument.Skipped, ConfigDocument.Broken {

    /** The file, and for YAML the document's number: {@code kafka-connector.yaml#2}. */
    String file();

    /** A resource that is not a connector, such as the KafkaConnect beside the KafkaConnectors. */
    record Skipped(String file, String reason) implements ConfigDocument {}

    /** A document that is no connector config at all: {@code key} names the field at fault, or {@code (document)}. */
    record Broken(String file, String key, String detail) implements ConfigDocument {}
}
