package com.taosdata.kafka.connect.schemas;

/** The shape a mapped value takes in every text protocol: a number, a boolean or a string. */
public enum ValueKind {
    INTEGER,
    FLOAT,
    BOOLEAN,
    STRING
}
