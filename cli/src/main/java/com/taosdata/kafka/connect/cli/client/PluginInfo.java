package com.taosdata.kafka.connect.cli.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of {@code GET /connector-plugins}. */
public record PluginInfo(@JsonProperty("class") String className, String type, String version) {}
