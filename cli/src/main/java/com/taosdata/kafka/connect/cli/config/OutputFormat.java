package com.taosdata.kafka.connect.cli.config;

/** {@code --output}: text for people, json for scripts. */
public enum OutputFormat {
    text,
    json
}
