package com.taosdata.kafka.connect.cli.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code PUT /connector-plugins/{class}/config/validate}. */
public record ConfigInfos(
        String name, @JsonProperty("error_count") int errorCount, List<ConfigInfo> configs) {

    public ConfigInfos {
        configs = configs == null ? List.of() : List.copyOf(configs);
    }

    /** One config key: its definition and the value the worker checked. */
    public record ConfigInfo(Definition definition, Value value) {}

    /** What the plugin declares about a key; {@code type} is PASSWORD for secrets. */
    public record Definition(String name, String type) {}

    /** The checked value and its errors. */
    public record Value(String name, String value, List<String> errors) {

        public Value {
            errors = errors == null ? List.of() : List.copyOf(errors);
        }
    }
}
