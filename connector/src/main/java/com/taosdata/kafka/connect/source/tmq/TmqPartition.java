package com.taosdata.kafka.connect.source.tmq;

/** A TDengine topic's vgroup: the unit TMQ assigns to consumers and keeps offsets for. */
public record TmqPartition(String topic, int vgroup) {}
