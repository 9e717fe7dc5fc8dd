package com.taosdata.kafka.connect.cli.validate;

/** One error or warning about one config key ({@code key} names a file-level problem when no key is at fault). */
public record Finding(String key, String message) {}
