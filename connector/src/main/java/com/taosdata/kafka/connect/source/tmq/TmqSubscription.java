package com.taosdata.kafka.connect.source.tmq;

import com.taosdata.kafka.connect.source.table.TableSchema;

/** A TDengine topic the task consumes, the columns its rows carry and the Kafka topic they go to. */
public record TmqSubscription(String tmqTopic, TableSchema schema, String kafkaTopic) {}
