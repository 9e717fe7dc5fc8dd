package com.taosdata.kafka.connect.standin;

import java.math.BigInteger;
import java.util.Map;

/**
 * One parsed schemaless data point.
 *
 * @param timestamp      the timestamp as written, or null for "now"; unbounded, since whether it is in range is
 *                       decided per vgroup when it is written
 * @param nanosPerUnit   the unit of {@code timestamp} in nanoseconds (1 for ns … 3.6e12 for hours)
 * @param tags           tag values in the order written
 * @param fields         field values in the order written
 */
public record SmlPoint(
        String measurement,
        Map<String, SmlValue> tags,
        Map<String, SmlValue> fields,
        BigInteger timestamp,
        long nanosPerUnit) {}
