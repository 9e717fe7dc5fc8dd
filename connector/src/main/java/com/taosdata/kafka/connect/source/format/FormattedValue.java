package com.taosdata.kafka.connect.source.format;

import org.apache.kafka.connect.data.Schema;

/** A Kafka record value and its Connect schema. */
public record FormattedValue(Schema schema, Object value) {}
